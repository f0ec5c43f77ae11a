package no.tilpass.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API: method, Javalin path ({@code /api/configurations/{id}}) and handler. All routes
 * are listed in one place, {@link Api#routes()}, so that documentation and agreement tests can walk them.
 */
public record Route(HandlerType method, String path, Handler handler) {
    @Override
    public String toString() {
        return method + " " + path;
    }
}
