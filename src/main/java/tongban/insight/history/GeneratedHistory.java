package tongban.insight.history;

import java.util.List;

import tongban.casework.CaseHistory.HistoricCase;
import tongban.exchange.ReadHistory.HistoricRead;
import tongban.feedback.RatingHistory.HistoricRating;
import tongban.hotline.TicketHistory.HistoricTicket;

/** A year of history as each owning module's import API takes it. */
public record GeneratedHistory(List<HistoricCase> cases, List<HistoricTicket> tickets, List<HistoricRating> ratings, List<HistoricRead> reads) {
}
