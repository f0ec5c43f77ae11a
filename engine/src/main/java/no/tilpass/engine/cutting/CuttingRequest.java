package no.tilpass.engine.cutting;

import java.util.List;

/**
 * What to cut: pieces (each labelled with its order and item), the new-bar length per profile type,
 * remnants in stock, and the saw: kerf (material lost per cut), end trim (cut off the start of every bar
 * before the first piece) and the shortest leftover worth keeping as a remnant. All lengths in mm.
 */
public record CuttingRequest(
        List<Piece> pieces, List<Bar> bars, List<Remnant> stock, int kerf, int trim, int minRemnant) {
    public CuttingRequest {
        pieces = List.copyOf(pieces);
        bars = List.copyOf(bars);
        stock = List.copyOf(stock);
    }

    /** One piece to cut from a profile. */
    public record Piece(String orderId, String itemId, String profile, int length) {}

    /** The length of a new bar of a profile type. */
    public record Bar(String profile, int length) {}

    /** A remnant in stock, used before new bars. */
    public record Remnant(String id, String profile, int length) {}
}
