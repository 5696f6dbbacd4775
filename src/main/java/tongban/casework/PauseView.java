package tongban.casework;

import java.time.LocalDate;

/** A special procedure (特别程序, 行政许可法 Art. 45) that stopped the case's clock, with its result once ended. */
public record PauseView(String kind, String reason, LocalDate startedOn, LocalDate endedOn, String result) {
}
