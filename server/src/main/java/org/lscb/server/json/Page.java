package org.lscb.server.json;

import java.util.List;
import java.util.function.Function;

/** One page of a list and how many there are in all. */
public record Page<T>(long total, List<T> items) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(total, items.stream().map(f).toList());
    }
}
