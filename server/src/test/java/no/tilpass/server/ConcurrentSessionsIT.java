package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions of one model share pooled engine instances and a memo; concurrent sessions must still get
 * exactly the answers each would get alone (checked against a fresh server that replays each session
 * by itself).
 */
class ConcurrentSessionsIT {
    @TempDir
    Path concurrentData;

    @TempDir
    Path aloneData;

    private static final List<List<Object[]>> SCRIPTS = List.of(
            List.of(new Object[] {"sashes", 3}, new Object[] {"glazing", "double"}),
            List.of(new Object[] {"opening_type", "tilt_turn"}, new Object[] {"width", 1300}),
            List.of(new Object[] {"fire_escape", true}, new Object[] {"height", 900}),
            List.of(new Object[] {"frame_material", "wood_alu"}, new Object[] {"colour_outside", "anthracite"}),
            List.of(new Object[] {"muntins", "true_divided"}, new Object[] {"sashes", 2}),
            List.of(new Object[] {"burglary_rc2", true}, new Object[] {"u_value", "u08"}));

    private static JsonNode play(TestClient client, List<Object[]> script) {
        JsonNode state = client.post("/api/configurations", "{\"productId\":\"casement_window\"}")
                .json();
        for (Object[] step : script) {
            TestClient.Response r = client.set(state, (String) step[0], step[1]);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            state = r.json();
        }
        return comparable(state);
    }

    /** The state without its random id. */
    private static JsonNode comparable(JsonNode state) {
        ObjectNode copy = state.deepCopy();
        copy.remove("id");
        return copy;
    }

    @Test
    void concurrent_sessions_get_the_same_answers_as_sessions_alone() throws Exception {
        List<JsonNode> concurrent = new ArrayList<>();
        try (TilpassServer server = TilpassServer.start(ServerConfig.embedded(concurrentData, 0))) {
            TestClient client = new TestClient(server.url());
            ExecutorService pool = Executors.newFixedThreadPool(SCRIPTS.size());
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<JsonNode>> futures = new ArrayList<>();
                for (List<Object[]> script : SCRIPTS) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return play(client, script);
                    }));
                }
                go.countDown();
                for (Future<JsonNode> f : futures) {
                    concurrent.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
        try (TilpassServer server = TilpassServer.start(ServerConfig.embedded(aloneData, 0))) {
            TestClient client = new TestClient(server.url());
            for (int i = 0; i < SCRIPTS.size(); i++) {
                assertThat(concurrent.get(i)).as("session " + i).isEqualTo(play(client, SCRIPTS.get(i)));
            }
        }
    }
}
