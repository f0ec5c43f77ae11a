package no.tilpass.engine.uvl;

import java.util.List;
import java.util.Map;

/** A parsed UVL feature model, before it is encoded. */
record Model(String namespace, Feature root, List<Constraint> constraints) {

    /** Type of a typed feature; {@code BOOLEAN} for plain features. */
    enum Type {
        BOOLEAN,
        INTEGER,
        REAL,
        STRING
    }

    record Feature(
            String name, Type type, boolean isAbstract, Map<String, Object> attributes, List<Group> groups, Token at) {}

    /** A group of children with bounds {@code min..max}; {@code max} -1 means unbounded. */
    record Group(String kind, int min, int max, List<Feature> children, Token at) {}

    record Constraint(Expr expr, String text, Token at) {}
}
