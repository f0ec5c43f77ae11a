package no.tilpass.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import no.tilpass.engine.bom.Explosion;

/** Renders an {@link Explosion.Exploded} as text tables or as one JSON object. */
final class BomPrinter {
    private BomPrinter() {}

    static String text(Map<String, String> configuration, Explosion.Exploded e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.model()).append(": ");
        List<String> pairs = new ArrayList<>();
        configuration.forEach((k, v) -> pairs.add(k + "=" + v));
        sb.append(String.join(", ", pairs)).append("\n\n");
        sb.append("Bill of materials, per unit\n");
        sb.append(String.format(
                "%-5s %-28s %6s %10s %12s  %s%n", "level", "item", "qty", "length", "area mm²", "description"));
        for (Explosion.Line l : e.lines()) {
            sb.append(String.format(
                    "%-5d %-28s %6d %10s %12s  %s%n",
                    l.level(),
                    "  ".repeat(l.level() - 1) + l.item(),
                    l.quantity(),
                    l.length().isPresent() ? l.length().getAsLong() + " " + l.unit() : "",
                    l.areaMm2().isPresent() ? Long.toString(l.areaMm2().getAsLong()) : "",
                    l.description()
                            + (l.profile().isEmpty() || l.profile().equals(l.item())
                                    ? ""
                                    : " [cut from " + l.profile() + "]")));
        }
        sb.append("\nCutting demand, per unit\n");
        sb.append(String.format("%-24s %10s %7s  %s%n", "profile", "length mm", "pieces", "for"));
        for (Explosion.Cut c : e.cuts()) {
            sb.append(String.format("%-24s %10d %7d  %s%n", c.profile(), c.lengthMm(), c.pieces(), c.item()));
        }
        sb.append("\nRouting\n");
        sb.append(String.format(
                "%-20s %-14s %6s %9s  %-22s %s%n",
                "operation", "work centre", "setup", "per unit", "after", "description"));
        long setup = 0;
        long perUnit = 0;
        for (Explosion.Step s : e.operations()) {
            sb.append(String.format(
                    "%-20s %-14s %6d %9d  %-22s %s%n",
                    s.id(),
                    s.workCentreType(),
                    s.setupMinutes(),
                    s.perUnitMinutes(),
                    String.join(",", s.after()),
                    s.description()
                            + (s.eachUnit()
                                    ? " (uninterruptible per unit)"
                                    : s.uninterruptible() ? " (uninterruptible)" : "")));
            setup += s.setupMinutes();
            perUnit += s.perUnitMinutes();
        }
        sb.append(String.format(
                "%d operations; %d min setup, %d min per unit%n", e.operations().size(), setup, perUnit));
        return sb.toString();
    }

    static String json(Map<String, String> configuration, Explosion.Exploded e) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"model\":").append(Json.quote(e.model())).append(",\"configuration\":{");
        List<String> pairs = new ArrayList<>();
        configuration.forEach((k, v) -> pairs.add(Json.quote(k) + ":" + Json.quote(v)));
        sb.append(String.join(",", pairs)).append("},\"bom\":[");
        List<String> items = new ArrayList<>();
        for (Explosion.Line l : e.lines()) {
            items.add("{\"path\":" + Json.quote(l.path()) + ",\"item\":" + Json.quote(l.item()) + ",\"description\":"
                    + Json.quote(l.description()) + ",\"level\":" + l.level() + ",\"parent\":" + Json.quote(l.parent())
                    + ",\"quantity\":" + l.quantity() + ",\"totalQuantity\":" + l.totalQuantity() + ",\"length\":"
                    + number(l.length()) + ",\"unit\":" + Json.quote(l.unit()) + ",\"lengthMm\":" + number(l.lengthMm())
                    + ",\"areaMm2\":" + number(l.areaMm2()) + ",\"profile\":" + Json.quote(l.profile())
                    + ",\"component\":" + l.component() + "}");
        }
        sb.append(String.join(",", items)).append("],\"cuts\":[");
        items.clear();
        for (Explosion.Cut c : e.cuts()) {
            items.add("{\"profile\":" + Json.quote(c.profile()) + ",\"lengthMm\":" + c.lengthMm() + ",\"pieces\":"
                    + c.pieces() + ",\"item\":" + Json.quote(c.item()) + "}");
        }
        sb.append(String.join(",", items)).append("],\"operations\":[");
        items.clear();
        for (Explosion.Step s : e.operations()) {
            items.add("{\"id\":" + Json.quote(s.id()) + ",\"description\":" + Json.quote(s.description())
                    + ",\"workCentreType\":" + Json.quote(s.workCentreType()) + ",\"setupMinutes\":"
                    + s.setupMinutes() + ",\"perUnitMinutes\":" + s.perUnitMinutes() + ",\"after\":["
                    + String.join(",", s.after().stream().map(Json::quote).toList()) + "],\"component\":"
                    + Json.quote(s.component()) + ",\"uninterruptible\":" + s.uninterruptible() + ",\"eachUnit\":"
                    + s.eachUnit() + "}");
        }
        return sb.append(String.join(",", items)).append("]}\n").toString();
    }

    private static String number(OptionalLong x) {
        return x.isPresent() ? Long.toString(x.getAsLong()) : "null";
    }
}
