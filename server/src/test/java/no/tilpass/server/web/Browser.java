package no.tilpass.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver, with explicit waits and screenshots, as a
 * JUnit 5 extension: registered with {@code @RegisterExtension} on a static field, it starts a browser with a
 * fresh profile before the class's {@code @BeforeAll} methods and quits it after the class; a failed test
 * leaves a screenshot. Where Chromium is not installed the class is skipped, saying why (CI installs it).
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String failedPrefix;
    private ChromeDriver driver;
    private Path profile;
    private WebDriverWait wait;

    private Browser(String failedPrefix) {
        this.failedPrefix = failedPrefix;
    }

    /** A browser whose screenshot of a failed test is named {@code failedPrefix + test method}. */
    static Browser chromium(String failedPrefix) {
        return new Browser(failedPrefix);
    }

    private static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(
                available() || System.getenv("CI") != null,
                "no /usr/bin/chromium and /usr/bin/chromedriver: apt-get install -y chromium chromium-driver");
        profile = Files.createTempDirectory("tilpass-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,1000",
                "--lang=nb-NO");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // every change re-renders the page, so an element found a moment ago may be gone: look again
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            screenshot(failedPrefix + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            wait = null;
            if (profile != null) {
                delete(profile);
                profile = null;
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp profile left behind is harmless
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Makes the page see the time zone {@code zoneId} (an IANA id) as the browser's own, as a browser elsewhere
     * would; an empty id restores the machine's zone.
     */
    void timeZone(String zoneId) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
    }

    void open(String url) {
        driver.get(url);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * The text of the element once it is visible, read again if the page re-renders it between finding
     * and reading (a stale element is retried, not an error).
     */
    String text(By by) {
        return wait.until(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    void click(By by) {
        WebElement element = clickable(by);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Types into the element that has the focus, the way a keyboard user does. */
    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** The configuration's revision as rendered; every change of the session renders a new one. */
    String revision() {
        return visible(By.cssSelector(".configurator[data-revision]")).getAttribute("data-revision");
    }

    /** Does something that changes the configuration and waits until the page shows the new revision. */
    void change(Runnable action) {
        String before = revision();
        action.run();
        until(d -> {
            Object now = d.findElements(By.cssSelector(".configurator[data-revision]")).stream()
                    .findFirst()
                    .map(e -> e.getAttribute("data-revision"))
                    .orElse(before);
            return !before.equals(now);
        });
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File file = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
