package no.tilpass.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilpass.server.ServerUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The configurator in a real browser: a customer configures, repairs, translates, shares, quotes, orders. */
final class BrowserConfiguratorIT {

    private static final By CONFIGURE_WINDOW = By.cssSelector("a[data-product='casement_window']");

    @RegisterExtension
    @Order(1)
    static final Browser browser = Browser.chromium("FAILED-");

    @RegisterExtension
    @Order(2)
    static final ServerUnderTest server =
            ServerUnderTest.perClass().orRunningAt(System.getProperty("tilpass.ui.baseUrl", ""));

    @BeforeEach
    void desktopInNorwegian() {
        browser.resize(1280, 1000);
        browser.open(server.url("/"));
        browser.script("localStorage.setItem('tilpass.lang', 'nb')");
        browser.open(server.url("/"));
    }

    private void startWindow() {
        browser.click(CONFIGURE_WINDOW);
        browser.visible(By.id("o-width-input"));
    }

    /** The whole kroner in a formatted amount ({@code "12 345 kr"}, {@code "kr 12 345"}). */
    private static long amount(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        assertThat(digits).as("an amount in '%s'", text).isNotEmpty();
        return Long.parseLong(digits);
    }

    private void typeNumber(String option, String value) {
        browser.change(() -> {
            WebElement input = browser.visible(By.id("o-" + option + "-input"));
            input.clear();
            input.sendKeys(value);
            browser.keys(Keys.ENTER);
        });
    }

    private void choose(String option, String value) {
        browser.change(() -> browser.click(By.cssSelector("label[for='o-" + option + "-" + value + "']")));
    }

    private void goToSection(String group) {
        browser.click(By.id("step-" + group));
        browser.until(ExpectedConditions.attributeToBe(By.id("step-" + group), "aria-current", "step"));
    }

    private String decided(String option) {
        return browser.visible(By.id("opt-" + option)).getAttribute("class");
    }

    private boolean checked(String option, String value) {
        return browser.driver().findElement(By.id("o-" + option + "-" + value)).isSelected();
    }

    @Test
    void a_customer_configures_a_window_and_repairs_a_conflict_with_one_click() {
        browser.visible(By.cssSelector("section.firm h2"));
        browser.screenshot("01-products");
        startWindow();

        typeNumber("width", "1200");
        assertThat(browser.visible(By.id("o-width-input")).getAttribute("value"))
                .isEqualTo("1200");
        assertThat(decided("width")).contains("decided-user");
        assertThat(browser.text(By.id("range-height"))).contains("mm").contains("10");
        choose("sashes", "3");
        assertThat(checked("sashes", "3")).isTrue();
        assertThat(browser.text(By.id("price-total-amount"))).contains("kr");
        browser.screenshot("02-dimensions");

        goToSection("construction");
        WebElement tiltTurn = browser.driver().findElement(By.id("o-opening_type-tilt_turn"));
        assertThat(tiltTurn.isEnabled())
                .as("tilt-turn is shown disabled with three sashes")
                .isFalse();

        browser.click(By.id("why-opening_type-tilt_turn"));
        browser.visible(By.id("repair-button"));
        browser.keys(Keys.ESCAPE);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("explain-dialog")));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .as("closing the dialog returns the focus to its opener")
                .isEqualTo("why-opening_type-tilt_turn");

        browser.keys(Keys.ENTER);
        WebElement dialog = browser.visible(By.id("explain-dialog"));
        browser.visible(By.cssSelector("#explain-dialog .explain-rules li[data-rule='R24']"));
        assertThat(dialog.findElements(By.cssSelector(".explain-decisions li[data-option='sashes']")))
                .hasSize(1);
        assertThat(dialog.findElement(By.cssSelector(".explain-rules li[data-rule='R24']"))
                        .getText())
                .contains("Drei-kipp-vinduer lages med én eller to rammer.");
        WebElement repair = dialog.findElement(By.id("repair-button"));
        assertThat(repair.getText())
                .contains("Åpningsmåte")
                .contains("Drei-kipp")
                .contains("Antall rammer");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(repair);
        browser.screenshot("03-why");

        browser.change(repair::click);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("explain-dialog")));
        assertThat(checked("opening_type", "tilt_turn")).isTrue();
        assertThat(decided("opening_type")).contains("decided-user");
        goToSection("dimensions");
        assertThat(decided("sashes")).doesNotContain("decided-user");
        assertThat(decided("width"))
                .as("the width did not conflict, so it stays")
                .contains("decided-user");
        browser.screenshot("04-repaired");

        WebElement drawing = browser.visible(By.cssSelector(".drawing-panel svg"));
        assertThat(drawing.findElements(By.cssSelector("[data-role]"))).isNotEmpty();
        assertThat(drawing.getText()).as("the dimension figures").contains("1200");
    }

    @Test
    void the_explanation_offers_the_one_change_that_makes_the_value_available_and_applies_it() {
        startWindow();
        typeNumber("width", "1200");
        choose("sashes", "3");
        goToSection("construction");

        browser.click(By.id("why-opening_type-tilt_turn"));
        WebElement dialog = browser.visible(By.id("explain-dialog"));
        WebElement sentence = browser.visible(By.cssSelector("#explain-dialog .explain-one-change"));
        assertThat(sentence.getAttribute("data-option")).isEqualTo("sashes");
        assertThat(sentence.getText()).contains("Antall rammer").contains("fra 3 til");
        WebElement one = dialog.findElement(By.id("one-change-button"));
        assertThat(one.getText()).contains("Antall rammer").contains("Drei-kipp");
        browser.screenshot("03b-one-change");

        browser.change(one::click);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("explain-dialog")));
        assertThat(checked("opening_type", "tilt_turn")).isTrue();
        assertThat(decided("opening_type")).contains("decided-user");
        goToSection("dimensions");
        assertThat(checked("sashes", "3")).as("the one change moved the sashes").isFalse();
        assertThat(decided("sashes"))
                .as("the sashes keep a decision of the customer, changed rather than dropped")
                .contains("decided-user");
        assertThat(decided("width")).contains("decided-user");
    }

    @Test
    void a_number_outside_the_valid_range_is_rejected_with_the_range() {
        startWindow();
        String revision = browser.revision();
        WebElement width = browser.visible(By.id("o-width-input"));
        width.clear();
        width.sendKeys("5000");
        browser.keys(Keys.ENTER);
        WebElement error = browser.visible(By.id("err-width"));
        assertThat(error.getText()).contains("5000").contains("400–2400 mm");
        assertThat(browser.revision()).isEqualTo(revision);
        assertThat(browser.visible(By.id("o-width-input")).getAttribute("aria-invalid"))
                .isEqualTo("true");
    }

    @Test
    void switching_the_language_translates_labels_from_the_model_and_the_interface() {
        startWindow();
        assertThat(browser.text(By.id("group-heading"))).isEqualTo("Mål");
        assertThat(browser.text(By.cssSelector("#opt-width legend"))).startsWith("Bredde");

        browser.click(By.id("lang-sv"));
        browser.until(ExpectedConditions.textToBe(By.id("group-heading"), "Mått"));
        assertThat(browser.text(By.cssSelector("#opt-width legend"))).startsWith("Bredd ");
        assertThat(browser.text(By.id("undo"))).contains("Ångra");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("sv");
        browser.screenshot("05-svenska");

        browser.click(By.id("lang-en"));
        browser.until(ExpectedConditions.textToBe(By.id("group-heading"), "Dimensions"));
        assertThat(browser.text(By.cssSelector("#opt-width legend"))).startsWith("Width");
        assertThat(browser.text(By.id("complete"))).isEqualTo("Complete with defaults");
    }

    @Test
    void a_completed_window_is_ordered_and_its_shared_link_resumes_it() {
        startWindow();
        String versionLabel = getJson("/api/products/casement_window/model")
                .get("versionLabel")
                .asText();
        assertThat(versionLabel).as("window.tpm names its version").isNotBlank();
        assertThat(browser.text(By.id("product-version")))
                .as("the configurator names the model's own version, as the product list does")
                .endsWith(" " + versionLabel);
        typeNumber("width", "1000");
        assertThat(browser.text(By.id("price-estimate"))).isNotBlank();
        browser.change(() -> browser.click(By.id("complete")));
        browser.until(ExpectedConditions.attributeToBe(By.cssSelector(".configurator"), "data-complete", "true"));
        assertThat(browser.driver().findElements(By.id("price-estimate"))).isEmpty();

        browser.click(By.id("share"));
        String shareUrl = browser.visible(By.id("share-url")).getAttribute("value");
        assertThat(shareUrl).startsWith(server.url("/c/"));

        long unitPrice = amount(browser.text(By.id("price-total-amount")));
        WebElement quantity = browser.visible(By.id("order-quantity"));
        assertThat(quantity.getAttribute("value")).isEqualTo("1");
        quantity.clear();
        quantity.sendKeys("2");
        browser.visible(By.id("order-name")).sendKeys("Kari Nordmann");
        browser.visible(By.id("order-email")).sendKeys("kari@example.no");
        browser.screenshot("06-ready-to-order");
        browser.click(By.id("place-order"));
        String number = browser.text(By.id("order-number"));
        assertThat(number).isNotBlank();
        assertThat(browser.text(By.id("order-units"))).isEqualTo("2");
        assertThat(amount(browser.text(By.id("order-unit-price")))).isEqualTo(unitPrice);
        assertThat(amount(browser.text(By.id("order-total"))))
                .as("the order total is the unit price times the quantity")
                .isEqualTo(2 * unitPrice);
        WebElement summary = browser.visible(By.id("order-summary"));
        assertThat(summary.findElement(By.cssSelector("tr[data-option='width'] td"))
                        .getText())
                .contains("1000");
        assertThat(browser.text(By.id("order-title"))).contains("Takk");
        assertThat(browser.text(By.id("order-product"))).endsWith(" " + versionLabel);
        String url = browser.driver().getCurrentUrl();
        String orderId = URLDecoder.decode(url.substring(url.indexOf("#/o/") + 4), StandardCharsets.UTF_8);
        JsonNode order = getJson("/api/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8));
        LocalDate promised =
                LocalDate.parse(order.get("production").get("promisedDate").asText());
        WebElement promisedCell = browser.visible(By.id("order-promised"));
        assertThat(promisedCell.getAttribute("data-date"))
                .as("the confirmation shows the date the order was promised for")
                .isEqualTo(promised.toString());
        assertThat(promisedCell.getText()).contains(String.valueOf(promised.getYear()));
        assertThat(browser.visible(By.id("order-date")).getAttribute("data-date"))
                .as("ordered on the plant's date of the instant it was accepted")
                .isEqualTo(Instant.parse(order.get("createdAt").asText())
                        .atZone(ZoneId.of("Europe/Oslo"))
                        .toLocalDate()
                        .toString());
        browser.screenshot("07-order-confirmed");

        browser.open(shareUrl);
        WebElement width = browser.visible(By.id("o-width-input"));
        assertThat(width.getAttribute("value")).isEqualTo("1000");
        assertThat(browser.driver().getCurrentUrl()).contains("#/s/");
    }

    @Test
    void an_order_whose_answer_was_lost_is_shown_when_the_customer_retries_with_other_details() {
        startWindow();
        browser.change(() -> browser.click(By.id("complete")));
        browser.until(ExpectedConditions.attributeToBe(By.cssSelector(".configurator"), "data-complete", "true"));
        browser.visible(By.id("order-name")).sendKeys("Kari Nordmann");
        browser.visible(By.id("order-email")).sendKeys("kari@example.no");
        // the order reaches the server, but its answer is lost on the way back
        browser.script("const real = window.fetch; let lost = false;"
                + "window.fetch = async (url, init) => { const r = await real(url, init);"
                + " if (!lost && init && init.method === 'POST' && String(url).includes('/api/orders')) {"
                + " lost = true; throw new TypeError('Failed to fetch'); } return r; };");
        browser.click(By.id("place-order"));
        assertThat(browser.text(By.id("order-message"))).contains("Prøv igjen");
        WebElement name = browser.visible(By.id("order-name"));
        name.clear();
        name.sendKeys("Kari N. Nordmann");
        browser.click(By.id("place-order"));
        assertThat(browser.text(By.id("order-already-placed"))).contains("allerede mottatt");
        assertThat(browser.text(By.id("order-number"))).isNotBlank();
        assertThat(browser.driver().getPageSource())
                .as("the order shown is the one placed first, with the first details")
                .contains("Kari Nordmann")
                .doesNotContain("Kari N. Nordmann");
        browser.screenshot("07b-order-already-placed");
    }

    @Test
    void the_quote_link_downloads_a_pdf() throws Exception {
        startWindow();
        String quote = browser.visible(By.id("quote")).getAttribute("href");
        assertThat(quote).contains("/quote.pdf?lang=nb");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(quote)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(Arrays.copyOf(pdf.body(), 5), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void a_change_made_elsewhere_is_reloaded_and_the_customer_is_told() throws Exception {
        startWindow();
        String url = browser.driver().getCurrentUrl();
        String session = url.substring(url.indexOf("#/s/") + 4);
        String revision = browser.revision();
        HttpResponse<String> elsewhere = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(server.url("/api/configurations/" + session + "/decisions/height")))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"value\":1500,\"revision\":" + revision + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(200);

        browser.change(() -> browser.click(By.cssSelector("label[for='o-sashes-2']")));
        WebElement notice = browser.visible(By.id("notice"));
        assertThat(notice.getText()).contains("endret et annet sted");
        assertThat(browser.visible(By.id("o-height-input")).getAttribute("value"))
                .isEqualTo("1500");
        assertThat(decided("sashes")).doesNotContain("decided-user");
        browser.screenshot("10-changed-elsewhere");
    }

    @Test
    void a_delivery_date_that_waits_for_material_says_so_in_one_line_under_the_date() throws Exception {
        startWindow();
        assertThat(browser.text(By.id("delivery-date"))).startsWith("Tidligst levert");
        assertWorkingDays(browser.text(By.id("delivery-date")), "arbeidsdag", "arbeidsdager");
        assertThat(browser.driver().findElements(By.id("delivery-wait")))
                .as("a window built from stock waits for capacity only")
                .isEmpty();
        String url = browser.driver().getCurrentUrl();
        String session = url.substring(url.indexOf("#/s/") + 4);
        String revision = browser.revision();
        revision = decideElsewhere(session, "blinds", "\"integrated\"", revision);
        decideElsewhere(session, "blinds_motor", "true", revision);

        browser.driver().navigate().refresh();

        WebElement wait = browser.visible(By.id("delivery-wait"));
        assertThat(wait.getText()).startsWith("Venter på materiale: 1 × ").contains("Blinds motor");
        assertThat(wait.getAttribute("data-item")).isEqualTo("motor");
        browser.screenshot("11-waits-for-material");
        browser.click(By.id("lang-sv"));
        browser.until(ExpectedConditions.textMatches(By.id("delivery-wait"), Pattern.compile("^Väntar på material")));
        browser.click(By.id("lang-en"));
        browser.until(ExpectedConditions.textMatches(By.id("delivery-wait"), Pattern.compile("^Waits for material")));
        assertThat(browser.text(By.id("delivery-date"))).startsWith("Earliest delivery");
        assertWorkingDays(browser.text(By.id("delivery-date")), "working day", "working days");
    }

    /** The date line ends with the working days in the language's singular for one day, else its plural. */
    private static void assertWorkingDays(String line, String one, String many) {
        Matcher m = Pattern.compile("\\((\\d+) ([^)]+)\\)$").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        assertThat(m.group(2)).as(line).isEqualTo(Integer.parseInt(m.group(1)) == 1 ? one : many);
    }

    /** Sets {@code option} to the JSON {@code value} through the API, as another tab would; the new revision. */
    private static String decideElsewhere(String session, String option, String value, String revision)
            throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        server.url("/api/configurations/" + session + "/decisions/" + option)))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"value\":" + value + ",\"revision\":" + revision + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"revision\":(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    @Test
    void at_phone_width_the_configurator_fits_the_screen() {
        browser.resize(390, 844);
        startWindow();
        typeNumber("width", "900");
        browser.change(() -> browser.click(By.id("undo")));
        assertThat(browser.visible(By.id("o-width-input")).getAttribute("value"))
                .isEqualTo("800");
        typeNumber("width", "900");
        List<Long> widths = List.of((Long) browser.script("return document.documentElement.scrollWidth"), (Long)
                browser.script("return window.innerWidth"));
        assertThat(widths.get(0)).as("no sideways scrolling").isLessThanOrEqualTo(widths.get(1));
        assertThat(browser.visible(By.id("price-total-amount")).isDisplayed()).isTrue();
        browser.screenshot("08-phone");
        browser.script("document.getElementById('price-heading').scrollIntoView()");
        browser.screenshot("09-phone-price");
    }

    private static JsonNode getJson(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return new ObjectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
