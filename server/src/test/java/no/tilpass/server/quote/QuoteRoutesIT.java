package no.tilpass.server.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import no.tilpass.server.PdfText;
import no.tilpass.server.ServerUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/** The quote and the drawing of a session over HTTP, checked against the state the API answers with. */
class QuoteRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass();

    private static final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static <T> HttpResponse<T> send(String method, String path, String body, HttpResponse.BodyHandler<T> as)
            throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                as);
    }

    private static JsonNode json(String method, String path, String body) throws Exception {
        return JSON.readTree(
                send(method, path, body, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** GET {@code /api/configurations/{id}} and {@code rest} of the state's session; anything but 200 fails. */
    private static HttpResponse<byte[]> sessionFile(JsonNode state, String rest) throws Exception {
        HttpResponse<byte[]> response = send(
                "GET",
                "/api/configurations/" + state.get("id").asText() + rest,
                null,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** The text of every page of a PDF without white space (the layout may break a line anywhere). */
    private static String squashedText(byte[] pdf) throws IOException {
        return PdfText.of(pdf).replaceAll("\\s+", "");
    }

    private static JsonNode completedWindow(String language) throws Exception {
        JsonNode state = json(
                "POST", "/api/configurations", "{\"productId\":\"casement_window\",\"language\":\"" + language + "\"}");
        String id = state.get("id").asText();
        state = json(
                "PUT",
                "/api/configurations/" + id + "/decisions/width",
                "{\"value\":1200,\"revision\":" + state.get("revision").asInt() + "}");
        return json(
                "POST",
                "/api/configurations/" + id + "/complete",
                "{\"revision\":" + state.get("revision").asInt() + "}");
    }

    @Test
    void the_quote_of_a_session_shows_its_option_labels_total_and_expiry_in_the_asked_language() throws Exception {
        JsonNode state = completedWindow("nb");
        HttpResponse<byte[]> response = sessionFile(state, "/quote.pdf?lang=en");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));

        String squashed = squashedText(response.body());

        JsonNode english = json("GET", "/api/configurations/" + state.get("id").asText() + "?lang=en&view=full", null);
        for (JsonNode option : english.get("options")) {
            assertThat(squashed)
                    .as("label of " + option.get("name"))
                    .contains(option.get("label").asText().replaceAll("\\s+", ""));
        }
        QuoteTexts texts = QuoteTexts.of("en");
        long total = english.get("price").get("total").asLong();
        assertThat(squashed).contains((texts.text("total") + "NOK" + texts.money(total)).replaceAll("\\s+", ""));
        LocalDate expiry = server.plantNow().toLocalDate().plusDays(QuoteDocument.DEFAULT_VALID_DAYS);
        assertThat(squashed).contains(texts.date(expiry).replaceAll("\\s+", ""));
        assertThat(squashed).contains("1200");
    }

    @Test
    void an_unknown_quote_language_or_session_is_a_clear_error() throws Exception {
        JsonNode state = completedWindow("sv");
        HttpResponse<String> language = send(
                "GET",
                "/api/configurations/" + state.get("id").asText() + "/quote.pdf?lang=de",
                null,
                HttpResponse.BodyHandlers.ofString());
        assertThat(language.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(language.body()).at("/error/maybe").asText()).startsWith("Maybe");
        HttpResponse<String> missing =
                send("GET", "/api/configurations/nope/quote.pdf", null, HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void the_price_lines_of_a_norwegian_quote_are_in_norwegian() throws Exception {
        JsonNode state = completedWindow("nb");
        HttpResponse<byte[]> response = sessionFile(state, "/quote.pdf");
        String squashed = squashedText(response.body());

        assertThat(state.get("price").get("lines").findValuesAsText("label")).contains("Grunnpris", "Karm, per meter");
        for (String label : state.get("price").get("lines").findValuesAsText("label")) {
            assertThat(squashed).as("price line " + label).contains(label.replaceAll("\\s+", ""));
        }
        assertThat(squashed).doesNotContain("Basepric", "Frame,permetre");
    }

    @Test
    void the_svg_drawing_of_a_session_has_the_width_it_was_configured_with() throws Exception {
        JsonNode state = completedWindow("nb");
        HttpResponse<byte[]> response = sessionFile(state, "/drawing.svg");
        Document svg = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body()));
        assertThat(svg.getDocumentElement().getAttribute("data-kind")).isEqualTo("window");
        assertThat(state.at("/drawing/width").asDouble()).isEqualTo(1200);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(">1200</text>");
    }
}
