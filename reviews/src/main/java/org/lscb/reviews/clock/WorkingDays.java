package org.lscb.reviews.clock;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays, taken from the
 * maintained Jollyday calendar (substitute days included), not from a list typed in here.
 */
public final class WorkingDays {

    /** Jollyday's subdivision for England; Wales has the same bank holidays. */
    private static final String ENGLAND = "eng";

    private final HolidayManager holidays;

    private WorkingDays(HolidayManager holidays) {
        this.holidays = holidays;
    }

    public static WorkingDays englandAndWales() {
        return new WorkingDays(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM)));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.isHoliday(day, ENGLAND);
    }

    /** The day that is {@code n} working days after {@code start}; the start day itself never counts. */
    public LocalDate plus(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
