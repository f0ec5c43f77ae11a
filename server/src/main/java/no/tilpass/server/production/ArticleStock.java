package no.tilpass.server.production;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilpass.engine.production.OrderRelease;

/**
 * A firm's article stock as one release or promise sees it: per stock-controlled article the pieces on
 * hand, the pieces reserved by released orders and the supplier's lead time in calendar days. {@link
 * #reserve} takes an order's needs from the free pieces (on hand less reserved) of a copy; what the free
 * pieces cannot cover is short and arrives {@code leadDays} calendar days after the day of the release.
 * Articles not in the stock are not stock-controlled: always available, never reserved.
 */
final class ArticleStock {
    /**
     * One article in stock.
     *
     * @param onHand physical pieces on hand
     * @param reserved pieces reserved by released orders (never more than {@code onHand})
     * @param leadDays the supplier's replenishment lead time in calendar days
     */
    record Level(String item, long onHand, long reserved, int leadDays) {
        /** Pieces on hand and not reserved. */
        long free() {
            return Math.max(0, onHand - reserved);
        }
    }

    /**
     * What one order takes of one article.
     *
     * @param reserved pieces reserved from stock now
     * @param shortage pieces the stock cannot cover, ordered from the supplier
     * @param arrival when the shortage arrives; empty when there is none
     * @param controlled whether the article is stock-controlled (else always available)
     */
    record Line(
            String item,
            String description,
            long needed,
            long reserved,
            long shortage,
            Optional<LocalDate> arrival,
            boolean controlled) {}

    private final Map<String, Level> levels;

    ArticleStock(Collection<Level> levels) {
        Map<String, Level> m = new LinkedHashMap<>();
        for (Level l : levels) {
            m.put(l.item(), l);
        }
        this.levels = m;
    }

    /** An independent copy (a promise reserves on a copy and throws it away). */
    ArticleStock copy() {
        return new ArticleStock(levels.values());
    }

    List<Level> levels() {
        return List.copyOf(levels.values());
    }

    Optional<Level> level(String item) {
        return Optional.ofNullable(levels.get(item));
    }

    /** Reserves {@code needs} on this stock (it changes) on day {@code today}; one line per need, in order. */
    List<Line> reserve(List<OrderRelease.MaterialNeed> needs, LocalDate today) {
        List<Line> out = new ArrayList<>();
        for (OrderRelease.MaterialNeed n : needs) {
            Level l = levels.get(n.item());
            if (l == null) {
                out.add(new Line(n.item(), n.description(), n.quantity(), 0, 0, Optional.empty(), false));
                continue;
            }
            long take = Math.min(n.quantity(), l.free());
            long shortage = n.quantity() - take;
            levels.put(l.item(), new Level(l.item(), l.onHand(), l.reserved() + take, l.leadDays()));
            out.add(new Line(
                    n.item(),
                    n.description(),
                    n.quantity(),
                    take,
                    shortage,
                    shortage > 0 ? Optional.of(today.plusDays(l.leadDays())) : Optional.empty(),
                    true));
        }
        return out;
    }

    /** The day the last short article of {@code lines} arrives; empty when nothing is short. */
    static Optional<LocalDate> arrival(List<Line> lines) {
        return lines.stream().map(Line::arrival).flatMap(Optional::stream).max(LocalDate::compareTo);
    }
}
