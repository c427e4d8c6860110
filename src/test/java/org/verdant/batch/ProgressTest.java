package org.verdant.batch;

import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar is drawn only on a terminal, so ChineseEverywhereTest never sees it: its words are checked here. */
class ProgressTest {

    private static String drawn(String lang, long totalBytes) {
        StringWriter text = new StringWriter();
        Progress bar = new Progress(new PrintWriter(text), totalBytes, 2, new Messages(lang));
        bar.update(1234, 400, 5);
        return text.toString();
    }

    @Test
    void theBarSpeaksChineseByDefault() {
        String line = drawn("zh", 1000);
        assertThat(line).contains("已完成 1,234 份", "失败 5 份", "预计剩余", "（2 个线程）", "40%");
        assertThat(line).doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void andEnglishOnRequest() {
        assertThat(drawn("en", 1000)).contains("1,234 done", "5 failed", "ETA", "(2 threads)");
    }

    @Test
    void standardInputHasNoShareOrTimeLeft() {
        assertThat(drawn("zh", -1)).contains("已完成 1,234 份").doesNotContain("%", "预计剩余");
    }
}
