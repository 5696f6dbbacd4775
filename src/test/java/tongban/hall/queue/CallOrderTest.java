package tongban.hall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.hall.Channel;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.TicketStatus;
import tongban.shared.DomainException;

/** The call order at a window and the moves a number may make. */
class CallOrderTest {

	private static final Instant TEN = Instant.parse("2027-03-03T02:00:00Z");
	private static final UUID WINDOW = UUID.randomUUID();
	private static final UUID OTHER_WINDOW = UUID.randomUUID();

	private static QueueTicket ticket(Series series, int number, int minutesBeforeTen, Instant slotStart, UUID targetWindow) {
		return new QueueTicket(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2027, 3, 3), series, number, series.name() + number,
				"t", slotStart == null ? Channel.KIOSK : Channel.BOOKING, null, null, null, slotStart, TicketStatus.WAITING,
				TEN.minusSeconds(60L * minutesBeforeTen), null, null, null, null, series, TEN.minusSeconds(60L * minutesBeforeTen),
				targetWindow, null, null, 0, null, null);
	}

	@Test
	void greenFirstThenBookedWhoseSlotStartedThenByPlace() {
		QueueTicket a1 = ticket(Series.A, 1, 50, null, null);
		QueueTicket a2 = ticket(Series.A, 2, 40, null, null);
		QueueTicket bookedNow = ticket(Series.A, 3, 30, TEN.minusSeconds(600), null);
		QueueTicket bookedLater = ticket(Series.A, 4, 20, TEN.plusSeconds(1800), null);
		QueueTicket g1 = ticket(Series.G, 1, 5, null, null);
		QueueTicket b1 = ticket(Series.B, 1, 55, null, null);
		List<QueueTicket> waiting = new ArrayList<>(List.of(a1, a2, bookedNow, bookedLater, g1, b1));
		List<QueueTicket> called = new ArrayList<>();
		Optional<QueueTicket> next;
		while ((next = CallOrder.next(waiting, WINDOW, Series.A, TEN)).isPresent()) {
			called.add(next.get());
			waiting.remove(next.get());
		}
		// the booked number whose slot has not started waits its turn by place; B is not called at an A window
		assertThat(called).containsExactly(g1, bookedNow, a1, a2, bookedLater);
		assertThat(waiting).containsExactly(b1);
		assertThat(CallOrder.next(waiting, WINDOW, Series.B, TEN)).contains(b1);
	}

	@Test
	void aTransferredNumberKeepsItsPlaceAndIsCalledOnlyAtItsWindow() {
		QueueTicket a1 = ticket(Series.A, 1, 30, null, null);
		QueueTicket transferred = ticket(Series.A, 7, 60, null, OTHER_WINDOW);
		assertThat(CallOrder.next(List.of(a1, transferred), WINDOW, Series.A, TEN)).contains(a1);
		assertThat(CallOrder.next(List.of(a1, transferred), OTHER_WINDOW, Series.A, TEN)).contains(transferred);
	}

	@Test
	void theTransitionTableNamesAnEventOnEveryEdgeAndRefusesTheRest() {
		assertThat(TicketTransitions.GRAPH.edges()).allSatisfy(edge -> assertThat(edge.event()).isNotBlank());
		assertThat(TicketTransitions.GRAPH.next(TicketStatus.WAITING))
			.containsExactlyInAnyOrder(TicketStatus.CALLED, TicketStatus.WAITING, TicketStatus.CANCELLED);
		assertThat(TicketTransitions.GRAPH.edge(TicketStatus.CALLED, TicketStatus.CALLED).orElseThrow().event()).isEqualTo("TicketRecalled");
		assertThat(TicketTransitions.GRAPH.edge(TicketStatus.SKIPPED, TicketStatus.CALLED).orElseThrow().event()).isEqualTo("TicketCalled");
		assertThat(TicketTransitions.GRAPH.terminal()).containsExactlyInAnyOrder(TicketStatus.DONE, TicketStatus.CANCELLED);
		assertThat(TicketTransitions.GRAPH.allows(TicketStatus.WAITING, TicketStatus.SERVING)).isFalse();
		assertThat(TicketTransitions.GRAPH.allows(TicketStatus.DONE, TicketStatus.WAITING)).isFalse();
		assertThatThrownBy(() -> TicketTransitions.GRAPH.require(TicketStatus.SKIPPED, TicketStatus.DONE))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("queue-state"));
	}
}
