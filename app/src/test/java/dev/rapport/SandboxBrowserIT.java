package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.FreshDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The first run, as a new user meets it: the application with no credentials starts the sandbox, and in a real
 * headless Chromium a mentee answers the check-in with clicks and the coordinator sees it in the health view. A
 * screenshot of the page is kept in {@code app/target/sandbox/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them). Where they are missing
 * the test is skipped with a message, unless {@code RAPPORT_REQUIRE_BROWSER} is set, as CI sets it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.sandbox.enabled=true", "management.server.port=0"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class SandboxBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "sandbox");

    @Autowired
    Environment environment;

    WebDriver browser;

    @BeforeEach
    void headlessChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("RAPPORT_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("RAPPORT_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "headless browser test skipped: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // As the machine's own check of Chromium does: no sandbox as root, and nothing that reaches for the network.
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
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("rapport-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_check_in_answered_by_clicks_in_the_sandbox_shows_up_in_the_coordinators_health_view() throws IOException {
        browser.get("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/sandbox");
        until(d -> d.findElement(By.id("now")).getText().matches(".*\\d.*")
                && !d.findElement(By.id("now")).getText().contains("("));

        person("U0ANA").click();
        until(d -> screen().contains("Welcome to Residents 2026, Ana Ribeiro"));
        browser.findElement(By.id("next-check-in")).click();
        until(d -> !buttons("rapport:met:").isEmpty());
        buttons("rapport:met:").stream()
                .filter(b -> b.getText().equals("Yes"))
                .findFirst()
                .orElseThrow()
                .click();
        until(d -> screen().contains("✓ Yes"));
        for (int question = 0; question < 3; question++) {
            int left = ratings().size();
            ratings().getFirst().click();
            until(d -> ratings().size() < left);
        }
        until(d -> screen().contains("Thank you, Ana Ribeiro"));
        screenshot("1-mentee-answered.png");

        person("U0CORA").click();
        WebElement command = browser.findElement(By.id("command"));
        command.sendKeys("health");
        browser.findElement(By.id("run")).click();
        until(d -> screen().contains("Residents 2026* – 3 pairs") || screen().contains("Residents 2026 – 3 pairs"));
        String health = screen();
        screenshot("2-coordinator-health.png");

        String anasRow = health.lines()
                .filter(l -> l.contains("#1 Dr Lee Okafor → Ana Ribeiro"))
                .findFirst()
                .orElseThrow();
        String bensRow = health.lines()
                .filter(l -> l.contains("#2 Dr Priya Patel → Ben Carter"))
                .findFirst()
                .orElseThrow();
        assertThat(anasRow).contains("100%");
        assertThat(bensRow).contains("0%");

        // The Discord side of the demo runs on the same core: the mentee has her welcome, the coordinator her view.
        person("1300000000000000203").click();
        until(d -> screen().contains("Welcome to Research Mentoring, Mia Chen"));
        person("1300000000000000201").click();
        browser.findElement(By.id("command")).sendKeys("health");
        browser.findElement(By.id("run")).click();
        until(d -> screen().contains("Prof Grace Mensah → Mia Chen"));
        screenshot("3-discord-coordinator-health.png");
    }

    private WebElement person(String userId) {
        return browser.findElement(By.cssSelector("button[data-person='" + userId + "']"));
    }

    private String screen() {
        return browser.findElement(By.id("screen")).getText();
    }

    private List<WebElement> buttons(String actionPrefix) {
        return browser.findElements(By.cssSelector("#screen button[data-action^='" + actionPrefix + "']"));
    }

    /** The "4" button of every statement still waiting for an answer. */
    private List<WebElement> ratings() {
        return browser.findElements(By.cssSelector("#screen button[data-action^='rapport:rate:'][data-action$=':4']"));
    }

    private void until(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
