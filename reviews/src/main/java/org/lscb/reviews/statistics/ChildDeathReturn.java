package org.lscb.reviews.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.ModifiableFactors;

/**
 * A board's annual return of child death reviews completed in a reporting year, in the layout of the DfE's child
 * death review statistics [28]: the total, then counts by category of death, by age band, by modifiable factors and
 * by expected or unexpected death, small counts suppressed ({@link SmallCountSuppression}). It holds codes, labels and
 * counts only: no pseudonym, reference, date, or free text of any review can reach it.
 */
public record ChildDeathReturn(int reportingYear, String firstMonth, String lastMonth, List<Row> rows) {

    /** One published count: the table it belongs to, the code within it, its label, and the count or {@code c}. */
    public record Row(String table, String code, String label, String count) {}

    public static final String TOTAL = "total";
    public static final String CATEGORY = "category_of_death";
    public static final String AGE = "age_band";
    public static final String MODIFIABLE = "modifiable_factors";
    public static final String EXPECTATION = "expected_or_unexpected";

    public static ChildDeathReturn of(ChildDeathStatistics s) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        sections.add(section(CATEGORY, s.byCategory(), c -> Integer.toString(c.code()), DeathCategory::label, labels));
        sections.add(section(AGE, s.byAgeBand(), Enum::name, AgeBand::label, labels));
        sections.add(section(MODIFIABLE, s.byModifiable(), Enum::name, ChildDeathReturn::modifiableLabel, labels));
        Map<String, Integer> expectation = new LinkedHashMap<>();
        expectation.put("EXPECTED", s.expected());
        expectation.put("UNEXPECTED", s.unexpected());
        sections.add(section(
                EXPECTATION, expectation, k -> k, k -> k.equals("EXPECTED") ? "Expected" : "Unexpected", labels));
        List<SmallCountSuppression.Table> published = SmallCountSuppression.tables(
                sections.stream().map(Section::table).toList());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                TOTAL,
                "ALL",
                "Child death reviews completed",
                SmallCountSuppression.totalWithheld(
                                sections.stream().map(Section::table).toList(), s.total())
                        ? SmallCountSuppression.SUPPRESSED
                        : Integer.toString(s.total())));
        for (int i = 0; i < sections.size(); i++) {
            String name = sections.get(i).name();
            published
                    .get(i)
                    .cells()
                    .forEach((code, count) -> rows.add(new Row(name, code, labels.get(name + ":" + code), count)));
        }
        return new ChildDeathReturn(
                s.year().endsIn(),
                s.year().firstDay().toString().substring(0, 7),
                s.year().lastDay().toString().substring(0, 7),
                List.copyOf(rows));
    }

    private record Section(String name, SmallCountSuppression.Table table) {}

    private static <K> Section section(
            String name,
            Map<K, Integer> counts,
            Function<K, String> code,
            Function<K, String> label,
            Map<String, String> labels) {
        counts.keySet().forEach(k -> labels.put(name + ":" + code.apply(k), label.apply(k)));
        return new Section(name, SmallCountSuppression.table(counts, code));
    }

    private static String modifiableLabel(ModifiableFactors m) {
        return switch (m) {
            case IDENTIFIED -> "Modifiable factors identified";
            case NONE_IDENTIFIED -> "No modifiable factors identified";
            case INADEQUATE_INFORMATION -> "Inadequate information to judge";
        };
    }
}
