package org.verdant.serve;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The headless Chromium every browser test drives: Debian's chromium and chromium-driver, or VERDANT_CHROMIUM / VERDANT_CHROMEDRIVER. */
final class Chromium {
    private Chromium() {
    }

    private static Optional<Path> browser() {
        return binary("VERDANT_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    }

    private static Optional<Path> driver() {
        return binary("VERDANT_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    /** Why a browser test cannot run on this machine (it is then skipped, not failed); null when it can. */
    static String missing() {
        if (browser().isEmpty()) return "no Chromium (apt-get install chromium, or set VERDANT_CHROMIUM): browser test skipped";
        if (driver().isEmpty()) return "no chromedriver (apt-get install chromium-driver, or set VERDANT_CHROMEDRIVER): browser test skipped";
        return null;
    }

    /** A headless Chinese browser of {@code windowSize} ("1366,2600") that resolves nothing but this machine; downloads go to {@code downloads} (null: none expected). */
    static WebDriver start(String windowSize, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + windowSize,
                "--lang=zh-CN", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability",
                // the page must work without a network: nothing but this machine resolves
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1", "--proxy-server=direct://", "--proxy-bypass-list=*");
        if (downloads != null) {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver().orElseThrow().toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> binary(String env, String... candidates) {
        String given = System.getenv(env);
        if (given != null && !given.isBlank()) return Optional.of(Path.of(given)).filter(Files::isExecutable);
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String c : candidates) {
                Path p = Path.of(dir).resolve(Path.of(c).getFileName());
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
