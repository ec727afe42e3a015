package dev.segue.search;

import dev.segue.search.FakeQdrant.Point;
import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;

/** Qdrant's filters evaluated on a stored point: must / should / must_not; match keyword(s), bool, integer; range; has_id. */
final class FakeQdrantFilters {

    private FakeQdrantFilters() {}

    static boolean matches(Filter filter, Point p) {
        if (filter.hasMinShould()) {
            throw Status.UNIMPLEMENTED.withDescription("min_should").asRuntimeException();
        }
        for (Condition c : filter.getMustList()) {
            if (!holds(c, p)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0 && filter.getShouldList().stream().noneMatch(c -> holds(c, p))) {
            return false;
        }
        for (Condition c : filter.getMustNotList()) {
            if (holds(c, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Condition c, Point p) {
        return switch (c.getConditionOneOfCase()) {
            case FIELD -> field(c.getField(), p);
            case HAS_ID ->
                c.getHasId().getHasIdList().stream().anyMatch(id -> id.getUuid().equals(p.id()));
            case FILTER -> matches(c.getFilter(), p);
            default ->
                throw Status.UNIMPLEMENTED
                        .withDescription("condition " + c.getConditionOneOfCase())
                        .asRuntimeException();
        };
    }

    /** A field condition holds when any of the field's values (an array counts value by value) satisfies it. */
    private static boolean field(FieldCondition f, Point p) {
        Value stored = p.payload().get(f.getKey());
        List<Value> values = stored == null
                ? List.of()
                : stored.hasListValue() ? stored.getListValue().getValuesList() : List.of(stored);
        if (f.hasMatch()) {
            var m = f.getMatch();
            return switch (m.getMatchValueCase()) {
                case KEYWORD ->
                    values.stream()
                            .anyMatch(v ->
                                    v.hasStringValue() && v.getStringValue().equals(m.getKeyword()));
                case KEYWORDS ->
                    values.stream()
                            .anyMatch(v -> v.hasStringValue()
                                    && m.getKeywords().getStringsList().contains(v.getStringValue()));
                case BOOLEAN -> values.stream().anyMatch(v -> v.hasBoolValue() && v.getBoolValue() == m.getBoolean());
                case INTEGER ->
                    values.stream().anyMatch(v -> v.hasIntegerValue() && v.getIntegerValue() == m.getInteger());
                default ->
                    throw Status.UNIMPLEMENTED
                            .withDescription("match " + m.getMatchValueCase())
                            .asRuntimeException();
            };
        }
        if (f.hasRange()) {
            var r = f.getRange();
            return values.stream()
                    .filter(v -> v.hasDoubleValue() || v.hasIntegerValue())
                    .mapToDouble(v -> v.hasDoubleValue() ? v.getDoubleValue() : v.getIntegerValue())
                    .anyMatch(x -> (!r.hasGt() || x > r.getGt())
                            && (!r.hasGte() || x >= r.getGte())
                            && (!r.hasLt() || x < r.getLt())
                            && (!r.hasLte() || x <= r.getLte()));
        }
        throw Status.UNIMPLEMENTED
                .withDescription("field condition on " + f.getKey())
                .asRuntimeException();
    }
}
