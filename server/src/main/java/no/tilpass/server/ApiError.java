package no.tilpass.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the API answers with a 4xx status and the error body of docs/api.md: {@code {"error":
 * {"status","code","message","maybe","where","field", ...extra}}}. Thrown by handlers and turned into the
 * response in one place ({@link TilpassServer}); never carries a stack trace to the client.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String maybe;
    private final String where;
    private final String field;
    private final transient Map<String, Object> extra;

    private ApiError(
            int status,
            String code,
            String message,
            String maybe,
            String where,
            String field,
            Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code);
        this.maybe = maybe;
        this.where = where;
        this.field = field;
        this.extra = extra;
    }

    /** An error with a status, a code, a message and a "Maybe ..." line (or null). */
    public static ApiError of(int status, String code, String message, String maybe) {
        return new ApiError(status, code, message, maybe, null, null, new LinkedHashMap<>());
    }

    public static ApiError badRequest(String code, String message, String maybe) {
        return of(400, code, message, maybe);
    }

    public static ApiError notFound(String what, String id) {
        return of(
                404,
                "not_found",
                "no " + what + " '" + id + "'",
                "Maybe check the id; list them with GET /api/" + what + "s.");
    }

    public static ApiError unprocessable(String code, String message, String maybe) {
        return of(422, code, message, maybe);
    }

    /** The same error naming the request field it is about. */
    public ApiError field(String fieldName) {
        return new ApiError(status, code, getMessage(), maybe, where, fieldName, extra);
    }

    /** The same error naming where in a file it is ({@code door.tpm:12:5}). */
    public ApiError where(String place) {
        return new ApiError(status, code, getMessage(), maybe, place, field, extra);
    }

    /** The same error with one more member in the error object ({@code current}, {@code explanation}). */
    public ApiError with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new ApiError(status, code, getMessage(), maybe, where, field, more);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The response body. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", getMessage());
        error.put("maybe", maybe);
        error.put("where", where);
        error.put("field", field);
        error.putAll(extra);
        return Map.of("error", error);
    }
}
