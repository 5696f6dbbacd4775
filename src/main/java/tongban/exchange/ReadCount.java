package tongban.exchange;

import java.time.LocalDate;

/** How many reads of shared data (served, revealed or prefilled) a consuming department made on one day. */
public record ReadCount(LocalDate day, String departmentCode, long reads) {
}
