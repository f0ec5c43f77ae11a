package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Nearest;

/** Resolves the names in a constraint and checks that Boolean and numeric parts are used as such. */
final class Check {
    private final String file;
    private final Model.Constraint constraint;
    private final Map<String, Model.Feature> features;

    Check(String file, Model.Constraint constraint, Map<String, Model.Feature> features) {
        this.file = file;
        this.constraint = constraint;
        this.features = features;
    }

    /** The first token that makes {@code e} numeric (comparison, arithmetic), or null when Boolean. */
    static Token firstNumeric(Expr e) {
        if (e instanceof Expr.Compare c) {
            return c.at();
        }
        if (e instanceof Expr.Not n) {
            return firstNumeric(n.operand());
        }
        if (e instanceof Expr.Logic l) {
            Token t = firstNumeric(l.left());
            return t != null ? t : firstNumeric(l.right());
        }
        return null;
    }

    private UvlError error(Token at, String message, String maybe) {
        return new UvlError(new Diagnostic(file, at.line(), at.column(), message, constraint.text(), maybe));
    }

    /** {@code e} in a Boolean position. */
    void bool(Expr e) {
        if (e instanceof Expr.Ref r) {
            if (!features.containsKey(r.name())) {
                throw unknown(r, "feature");
            }
        } else if (e instanceof Expr.Not n) {
            bool(n.operand());
        } else if (e instanceof Expr.Logic l) {
            bool(l.left());
            bool(l.right());
        } else if (e instanceof Expr.Compare c) {
            number(c.left(), false);
            number(c.right(), false);
        } else if (!(e instanceof Expr.Bool)) {
            Token at = at(e);
            throw error(
                    at,
                    "'" + at.shown() + "' is a value, not a condition",
                    "compare it, e.g. 'Feature.price < 100', or use a feature name here.");
        }
    }

    private void number(Expr e, boolean inAggregate) {
        if (e instanceof Expr.Ref r) {
            if (features.containsKey(r.name()) || inAggregate && attributeNamed(r.name())) {
                return;
            }
            int dot = r.name().lastIndexOf('.');
            if (dot > 0) {
                Model.Feature f = features.get(r.name().substring(0, dot));
                String attr = r.name().substring(dot + 1);
                if (f != null) {
                    if (f.attributes().containsKey(attr)) {
                        return;
                    }
                    String near = Nearest.meant(attr, f.attributes().keySet());
                    throw error(
                            r.at(),
                            "feature '" + f.name() + "' has no attribute '" + attr + "'",
                            near.isEmpty() ? "add {" + attr + " VALUE} to '" + f.name() + "'." : near);
                }
            }
            throw unknown(r, "feature or attribute");
        } else if (e instanceof Expr.Arith a) {
            number(a.left(), inAggregate);
            number(a.right(), inAggregate);
        } else if (e instanceof Expr.Negate n) {
            number(n.operand(), inAggregate);
        } else if (e instanceof Expr.Call c) {
            for (Expr arg : c.args()) {
                number(arg, true);
            }
        } else if (!(e instanceof Expr.Num) && !(e instanceof Expr.Str)) {
            Token at = at(e);
            throw error(
                    at,
                    "a condition where a value was expected, at '" + at.shown() + "'",
                    "put parentheses around the comparison's sides, or compare values only.");
        }
    }

    private boolean attributeNamed(String name) {
        for (Model.Feature f : features.values()) {
            if (f.attributes().containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    private UvlError unknown(Expr.Ref r, String what) {
        List<String> names = new ArrayList<>(features.keySet());
        String near = Nearest.meant(r.name(), names);
        return error(
                r.at(),
                "unknown " + what + " '" + r.name() + "' in a constraint",
                near.isEmpty() ? "declare '" + r.name() + "' under 'features', or check the spelling." : near);
    }

    private static Token at(Expr e) {
        if (e instanceof Expr.Ref r) {
            return r.at();
        }
        if (e instanceof Expr.Num n) {
            return n.at();
        }
        if (e instanceof Expr.Str s) {
            return s.at();
        }
        if (e instanceof Expr.Call c) {
            return c.at();
        }
        if (e instanceof Expr.Compare c) {
            return c.at();
        }
        if (e instanceof Expr.Not n) {
            return at(n.operand());
        }
        if (e instanceof Expr.Logic l) {
            return at(l.left());
        }
        if (e instanceof Expr.Arith a) {
            return at(a.left());
        }
        if (e instanceof Expr.Negate n) {
            return at(n.operand());
        }
        return new Token(Token.Kind.SYMBOL, "?", 0, 0);
    }
}
