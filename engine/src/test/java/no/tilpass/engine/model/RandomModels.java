package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random small models as text, for the oracle tests. */
final class RandomModels {
    private RandomModels() {}

    private static final String[] POOL = {"a", "b", "c", "d"};

    static String model(Random r) {
        List<String> bools = new ArrayList<>();
        List<String> enums = new ArrayList<>();
        List<List<String>> enumValues = new ArrayList<>();
        List<String> ints = new ArrayList<>();
        StringBuilder sb = new StringBuilder("model random {\n");
        int nb = 1 + r.nextInt(3);
        for (int i = 0; i < nb; i++) {
            bools.add("p" + i);
            sb.append("  option p").append(i).append(": bool\n");
        }
        int ne = 1 + r.nextInt(2);
        for (int i = 0; i < ne; i++) {
            int k = 2 + r.nextInt(3);
            List<String> vals = new ArrayList<>(List.of(POOL).subList(0, k));
            enums.add("e" + i);
            enumValues.add(vals);
            sb.append("  option e").append(i).append(": enum {");
            for (String v : vals) {
                sb.append(" value ").append(v);
            }
            sb.append(" }\n");
        }
        int ni = 1 + r.nextInt(2);
        for (int i = 0; i < ni; i++) {
            ints.add("n" + i);
            if (i == 0 && r.nextInt(4) == 0) {
                sb.append("  option n0: int 0..36\n");
            } else {
                int lo = r.nextInt(5) - 2;
                int step = 1 + r.nextInt(2);
                int count = 2 + r.nextInt(4);
                sb.append("  option n")
                        .append(i)
                        .append(": int ")
                        .append(lo)
                        .append("..")
                        .append(lo + step * (count - 1))
                        .append(" step ")
                        .append(step)
                        .append('\n');
            }
        }
        Gen g = new Gen(r, bools, enums, enumValues, ints);
        int rules = 1 + r.nextInt(3);
        for (int i = 0; i < rules; i++) {
            sb.append("  rule R").append(i).append(" \"rule ").append(i).append("\" {\n");
            if (r.nextInt(4) == 0) {
                sb.append("    when ").append(g.bool(2)).append('\n');
            }
            if (r.nextInt(4) == 0) {
                sb.append("    ").append(g.table()).append('\n');
            } else {
                int n = 1 + r.nextInt(2);
                for (int k = 0; k < n; k++) {
                    sb.append("    require ").append(g.bool(3)).append('\n');
                }
            }
            sb.append("    explain \"because\"\n  }\n");
        }
        return sb.append("}\n").toString();
    }

    private record Gen(Random r, List<String> bools, List<String> enums, List<List<String>> values, List<String> ints) {
        String pick(List<String> l) {
            return l.get(r.nextInt(l.size()));
        }

        String bool(int depth) {
            int choice = r.nextInt(depth <= 0 ? 5 : 14);
            switch (choice) {
                case 0:
                    return pick(bools);
                case 1: {
                    int e = r.nextInt(enums.size());
                    return enums.get(e) + (r.nextBoolean() ? " == " : " != ") + pick(values.get(e));
                }
                case 2: {
                    int e = r.nextInt(enums.size());
                    return enums.get(e) + " in (" + pick(values.get(e)) + ", " + pick(values.get(e)) + ")";
                }
                case 3: {
                    String[] ops = {"<", "<=", ">", ">=", "==", "!="};
                    return num(depth - 1) + " " + ops[r.nextInt(ops.length)] + " " + num(depth - 1);
                }
                case 4: {
                    int lo = r.nextInt(6) - 2;
                    return pick(ints) + " in " + lo + ".." + (lo + r.nextInt(4));
                }
                case 5:
                    return "not (" + bool(depth - 1) + ")";
                case 6: {
                    String[] ops = {"and", "or", "implies", "iff", "requires", "excludes"};
                    return "(" + bool(depth - 1) + " " + ops[r.nextInt(ops.length)] + " " + bool(depth - 1) + ")";
                }
                case 7: {
                    String[] bounds = {"exactly", "at_most", "at_least"};
                    int n = 2 + r.nextInt(3);
                    StringBuilder sb = new StringBuilder(bounds[r.nextInt(3)] + " " + r.nextInt(n + 1) + " of (");
                    for (int i = 0; i < n; i++) {
                        sb.append(i > 0 ? ", " : "").append(bool(depth - 2));
                    }
                    return sb.append(")").toString();
                }
                case 8:
                    return "(if " + bool(depth - 1) + " then " + bool(depth - 1) + " else " + bool(depth - 1) + ")";
                case 9:
                    if (enums.size() > 1) {
                        return enums.get(0) + " == " + enums.get(1);
                    }
                    return pick(bools);
                case 10:
                    return r.nextBoolean() ? "true" : "false";
                default:
                    return "(" + bool(depth - 1) + (r.nextBoolean() ? " and " : " or ") + bool(depth - 1) + ")";
            }
        }

        String num(int depth) {
            int choice = r.nextInt(depth <= 0 ? 2 : 9);
            switch (choice) {
                case 0:
                    return pick(ints);
                case 1:
                    return Integer.toString(r.nextInt(9) - 3);
                case 2: {
                    String[] ops = {"+", "-", "*", "/", "%"};
                    return "(" + num(depth - 1) + " " + ops[r.nextInt(ops.length)] + " " + num(depth - 1) + ")";
                }
                case 3:
                    return "-" + pick(ints);
                case 4:
                    return "min(" + num(depth - 1) + ", " + num(depth - 1) + ")";
                case 5:
                    return "abs(" + num(depth - 1) + ")";
                case 6:
                    return "(if " + bool(depth - 1) + " then " + num(depth - 1) + " else " + num(depth - 1) + ")";
                default:
                    return "(" + pick(ints) + " * " + pick(ints) + ")";
            }
        }

        String table() {
            List<String> cols = new ArrayList<>();
            cols.add(pick(bools));
            int e = r.nextInt(enums.size());
            cols.add(enums.get(e));
            cols.add(pick(ints));
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "allow (" : "forbid (");
            sb.append(String.join(", ", cols)).append(") {");
            int rows = 1 + r.nextInt(3);
            for (int i = 0; i < rows; i++) {
                sb.append(" (").append(r.nextInt(3) == 0 ? "*" : r.nextBoolean() ? "true" : "false");
                sb.append(", ").append(r.nextInt(3) == 0 ? "*" : pick(values.get(e)) + " | " + pick(values.get(e)));
                int lo = r.nextInt(5) - 2;
                sb.append(", ")
                        .append(r.nextInt(3) == 0 ? "*" : lo + ".." + (lo + r.nextInt(3)) + " | " + (lo + 3))
                        .append(")");
            }
            return sb.append(" }").toString();
        }
    }
}
