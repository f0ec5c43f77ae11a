package no.tilpass.engine.production;

import java.util.List;

/**
 * What one firm produces with: its work centres and its material stock.
 *
 * @param firm the firm's name
 * @param workCentres its work centres, in the firm's order
 * @param stock the material on hand
 */
public record ProductionData(String firm, List<WorkCentre> workCentres, MaterialStock stock) {
    public ProductionData {
        workCentres = List.copyOf(workCentres);
    }

    /** The work centres of work-centre type {@code type} (as a routing names it), in the firm's order. */
    public List<WorkCentre> centresOfType(String type) {
        return workCentres.stream().filter(w -> w.type().equals(type)).toList();
    }

    /**
     * A machine, line or bench that operations run on.
     *
     * @param id unique within the firm ({@code saw-1})
     * @param type the work-centre type routings name ({@code saw})
     * @param capacity how many operations it can run at the same time (1 for a single machine)
     * @param calendar when it is available
     */
    public record WorkCentre(String id, String type, int capacity, ShiftCalendar calendar) {
        public WorkCentre {
            if (capacity < 1) {
                throw new IllegalArgumentException("work centre " + id + " has capacity " + capacity + ", below 1");
            }
        }
    }

    /**
     * Material on hand: articles counted in pieces, and profile bars (full bars and remnants) by length.
     *
     * @param articles pieces on hand per article id
     * @param bars bars on hand per profile type and length
     */
    public record MaterialStock(List<Article> articles, List<Bar> bars) {
        public MaterialStock {
            articles = List.copyOf(articles);
            bars = List.copyOf(bars);
        }

        /** No stock at all. */
        public static MaterialStock empty() {
            return new MaterialStock(List.of(), List.of());
        }

        /** Pieces of article {@code item} on hand. */
        public long onHand(String item) {
            return articles.stream()
                    .filter(a -> a.item().equals(item))
                    .mapToLong(Article::quantity)
                    .sum();
        }

        /** The bars of profile type {@code profile}, full bars and remnants, in stock order. */
        public List<Bar> bars(String profile) {
            return bars.stream().filter(b -> b.profile().equals(profile)).toList();
        }
    }

    /** {@code quantity} pieces of article {@code item} on hand. */
    public record Article(String item, long quantity) {}

    /**
     * {@code quantity} bars of profile type {@code profile}, each {@code lengthMm} long.
     *
     * @param remnant whether these are remnants left from earlier cutting (not full stock bars)
     */
    public record Bar(String profile, long lengthMm, long quantity, boolean remnant) {}
}
