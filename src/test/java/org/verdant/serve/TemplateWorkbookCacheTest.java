package org.verdant.serve;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anonymous template workbooks are built once per template, table and language, and no more of them are kept than the bound. */
class TemplateWorkbookCacheTest {
    private static final Templates.Template FACTORY = Templates.named("green-factory-2025").orElseThrow();
    private static final Templates.Template PARK = Templates.named("green-park").orElseThrow();

    @Test
    void eachWorkbookIsBuiltOnce() throws Exception {
        Templates.WorkbookCache cache = new Templates.WorkbookCache(8);
        AtomicInteger built = new AtomicInteger();
        Templates.WorkbookCache.Build build = () -> new byte[] {(byte) built.incrementAndGet()};
        byte[] first = cache.get(FACTORY, null, "zh", build);
        assertThat(cache.get(FACTORY, null, "zh", build)).isSameAs(first);
        assertThat(built).hasValue(1);
        // each of scheme/edition (the template), table and language is its own workbook
        cache.get(FACTORY, null, "en", build);
        cache.get(FACTORY, "A.1", "zh", build);
        cache.get(PARK, null, "zh", build);
        assertThat(built).hasValue(4);
        assertThat(cache.get(FACTORY, "A.1", "zh", build)).containsExactly(3);
        assertThat(cache.builds()).isEqualTo(4);
    }

    @Test
    void itIsBoundedAndKeepsNoFailure() throws Exception {
        Templates.WorkbookCache cache = new Templates.WorkbookCache(3);
        AtomicInteger built = new AtomicInteger();
        for (int i = 0; i < 100; i++) cache.get(FACTORY, "made-up-" + i, "zh", () -> new byte[] {(byte) built.incrementAndGet()});
        assertThat(cache.size()).isEqualTo(3);
        cache.get(FACTORY, "made-up-99", "zh", () -> new byte[] {(byte) built.incrementAndGet()});
        assertThat(built).as("the most recent are kept").hasValue(100);
        assertThatThrownBy(() -> cache.get(FACTORY, "no-such-table", "zh", () -> {
            throw new ApiException(404, "not_found", new org.verdant.text.Text("没有该表", "no such table"));
        })).isInstanceOf(ApiException.class);
        assertThat(cache.size()).isEqualTo(3);
    }

    /** Through the server: the same bytes for the same request, built once, other bytes for the other language. */
    @Test
    void theServerAnswersFromTheCache(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        try (VerdantServer server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, org.verdant.support.TestRulebook.compiled(),
                org.verdant.archive.Archive.open(data), "a-token-for-this-test"), null)) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, byte[]> get = path -> {
                try {
                    var r = client.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(r.statusCode()).isEqualTo(200);
                    return r.body();
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            byte[] a = get.apply("/api/templates/green-factory-2025.xlsx");
            byte[] b = get.apply("/api/templates/green-factory-2025.xlsx");
            byte[] en = get.apply("/api/templates/green-factory-2025.xlsx?lang=en");
            assertThat(b).isEqualTo(a);
            assertThat(en).isNotEqualTo(a);
        }
    }
}
