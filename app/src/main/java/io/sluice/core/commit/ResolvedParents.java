package io.sluice.core.commit;

import java.util.HashMap;
import java.util.Map;

/**
 * The parents' keys a batch has resolved so far, by the parent's natural-key text, shared by every child table that
 * references the same parent through the same key: the components and strength tests of a chunk of mixes need one
 * look-up of those mixes, and a material named by every row is looked up once per batch. A parent's key does not
 * change while the batch writes (an upsert keeps the row's id; nothing is deleted), so a key once found stays true;
 * a key not found is not kept (its parent may come in a later chunk). Bounded: a reference's keys are forgotten all
 * at once when they pass {@link #LIMIT}.
 */
final class ResolvedParents {

    static final int LIMIT = 16_384;

    private final Map<String, Map<String, Object[]>> byReference = new HashMap<>();

    /** The keys held for one reference (parent table, its natural-key columns and the referenced columns). */
    Map<String, Object[]> of(String reference) {
        return byReference.computeIfAbsent(reference, r -> new HashMap<>());
    }

    /** Keeps a found parent's key, forgetting the reference's others first when they reached the limit. */
    static void keep(Map<String, Object[]> held, String naturalKey, Object[] referenced) {
        if (held.size() >= LIMIT) {
            held.clear();
        }
        held.put(naturalKey, referenced);
    }
}
