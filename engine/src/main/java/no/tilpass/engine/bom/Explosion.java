package no.tilpass.engine.bom;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import no.tilpass.engine.space.Diagnostic;

/** The outcome of {@link BillOfMaterials#explode}: an exploded BOM with cuts and operations, or the reasons. */
public sealed interface Explosion {

    /**
     * The bill of materials and routing of one unit of the product.
     *
     * @param model the product model's name
     * @param lines the BOM lines depth-first in model order: each component's line is followed by its own
     *     lines (one level deeper), components after the model's own lines
     * @param cuts the profile pieces to cut for one unit, one entry per BOM line cut from a profile
     * @param operations the operations that apply, in an order that respects every precedence
     */
    record Exploded(String model, List<Line> lines, List<Cut> cuts, List<Step> operations) implements Explosion {
        public Exploded {
            lines = List.copyOf(lines);
            cuts = List.copyOf(cuts);
            operations = List.copyOf(operations);
        }
    }

    /** Why there is no explosion: the configuration is invalid or incomplete, or a formula is negative. */
    record Rejected(List<Diagnostic> problems) implements Explosion {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * A line of the exploded BOM.
     *
     * @param path unique dotted path: the item id, prefixed by the component namespaces it lies in
     *     ({@code frame_profile}, {@code fittings}, {@code fittings.hinge_set})
     * @param item the article id as written in the model (a component's line has the component's name)
     * @param description the line's description (a component's line: the component's English label)
     * @param level 1 for the product's own lines, 2 for a component's lines, and so on
     * @param parent the path of the component line this line belongs to, or empty on level 1
     * @param quantity pieces per one parent (the {@code qty} formula); always positive
     * @param totalQuantity pieces per one unit of the product: {@code quantity} times the parents'
     * @param length the length of one piece in {@code unit} (the {@code length} formula), or empty
     * @param unit the unit of {@code length} as written ({@code mm}), or empty
     * @param areaMm2 the area of one piece in mm² (the {@code area} formula), or empty
     * @param profile the profile type the pieces are cut from, or empty when the line is not cut
     * @param component whether this line stands for a component (its own lines follow it)
     */
    record Line(
            String path,
            String item,
            String description,
            int level,
            String parent,
            long quantity,
            long totalQuantity,
            OptionalLong length,
            String unit,
            OptionalLong areaMm2,
            String profile,
            boolean component) {

        /** The length of one piece in millimetres, when the line has a length in mm, cm or m. */
        public OptionalLong lengthMm() {
            if (length.isEmpty()) {
                return OptionalLong.empty();
            }
            return millimetresPer(unit)
                    .map(f -> OptionalLong.of(length.getAsLong() * f))
                    .orElse(OptionalLong.empty());
        }

        static Optional<Long> millimetresPer(String unit) {
            return switch (unit) {
                case "", "mm" -> Optional.of(1L);
                case "cm" -> Optional.of(10L);
                case "m" -> Optional.of(1000L);
                default -> Optional.empty();
            };
        }
    }

    /**
     * Pieces to cut from bar stock of one profile type, for one unit of the product.
     *
     * @param profile the profile type (the line's {@code profile TYPE}, else its item id)
     * @param lengthMm the length of each piece in millimetres
     * @param pieces how many pieces
     * @param item the path of the BOM line the pieces are for
     */
    record Cut(String profile, long lengthMm, long pieces, String item) {}

    /**
     * An operation of the routing that applies to the configuration.
     *
     * @param id the operation id, prefixed by its component namespaces ({@code cut}, {@code fittings.drill})
     * @param workCentreType the work-centre type it runs on (a component's types are not prefixed)
     * @param setupMinutes setup time per batch
     * @param perUnitMinutes time per unit of the product
     * @param after the ids of the operations that must finish first (a component's too, when the model's
     *     {@code after} names them); an operation skipped by its {@code when} passes its own predecessors
     *     on, so precedence is kept through it
     * @param component the component namespace it comes from, or empty for the product's own routing
     * @param uninterruptible whether it must run in one unbroken stretch of open time (setup and all units),
     *     as the model's {@code uninterruptible} says; a downtime that stops it means it is run again whole
     * @param eachUnit with {@code uninterruptible}: each unit is one unbroken piece (the setup with the
     *     first), not the whole batch ({@code uninterruptible per_unit}); a stop loses only the unit it cuts
     */
    record Step(
            String id,
            String description,
            String workCentreType,
            long setupMinutes,
            long perUnitMinutes,
            List<String> after,
            String component,
            boolean uninterruptible,
            boolean eachUnit) {
        public Step {
            after = List.copyOf(after);
        }
    }
}
