package no.tilpass.server.production;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.model.ProductModel;

/**
 * The human descriptions of a firm's articles, read from the bills of materials of its products: each BOM
 * item id with the description of its first line, the products' own lines before those of their components
 * (breadth first), so a firm's own wording wins over a supplier component's. An article no BOM describes
 * has none here; the stock answer then shows its item id.
 */
final class ArticleDescriptions {
    private ArticleDescriptions() {}

    /** Item id to description over {@code models} and their components, first description found wins. */
    static Map<String, String> of(List<ProductModel> models) {
        Map<String, String> out = new LinkedHashMap<>();
        Deque<ProductModel> queue = new ArrayDeque<>(models);
        Map<ProductModel, Boolean> seen = new IdentityHashMap<>();
        while (!queue.isEmpty()) {
            ProductModel model = queue.removeFirst();
            if (seen.put(model, Boolean.TRUE) != null) {
                continue;
            }
            for (ProductModel.BomLine line : model.bom()) {
                if (line.description() != null && !line.description().isBlank()) {
                    out.putIfAbsent(line.id(), line.description().strip());
                }
            }
            for (ProductModel.Component c : model.components()) {
                queue.addLast(c.model());
            }
        }
        return out;
    }

    /** The description of {@code item}, else the item id itself. */
    static String describe(Map<String, String> descriptions, String item) {
        return descriptions.getOrDefault(item, item);
    }
}
