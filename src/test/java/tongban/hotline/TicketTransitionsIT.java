package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import tongban.hotline.TicketEvents.TicketClosed;
import tongban.hotline.TicketEvents.TicketDispatched;
import tongban.hotline.TicketEvents.TicketReplied;
import tongban.hotline.TicketEvents.TicketSubmitted;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.shared.DomainException;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * Every status change is one guarded update along the graph: a ticket that moved on since the caller read it refuses
 * the move as a CONFLICT with the step's code (409 on the pages), and each move publishes the event its edge names.
 */
@ExtendWith(PublishedEventsExtension.class)
class TicketTransitionsIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketDispatch dispatcher;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	TicketRepository tickets;

	TicketId submitted() {
		Submitted s = intake.submit(new NewTicket("CONSULT", "JY0101", null, "330106", "", null, null, "请问幼儿园报名什么时候开始？", "",
				TestPeople.mobile(), null, false, List.of()), TicketSource.operator("话务员"));
		assertThat(s.problems()).isEmpty();
		return s.id();
	}

	@Test
	void eachStepPublishesTheEventOfItsEdge(AssertablePublishedEvents events) {
		TicketId id = submitted();
		dispatcher.dispatch(id, "话务员", "XH-JY", List.of());
		handling.reply(id, "XH-JY", "区教育局", "每年五月报名，详见招生公告。");
		closing.close(id, "话务员", "");

		assertThat(events).contains(TicketSubmitted.class).matching(TicketSubmitted::ticketId, id);
		assertThat(events).contains(TicketDispatched.class).matching(TicketDispatched::ticketId, id);
		assertThat(events).contains(TicketReplied.class).matching(TicketReplied::ticketId, id);
		assertThat(events).contains(TicketClosed.class).matching(TicketClosed::ticketId, id);
		assertThat(tickets.require(id).status()).isEqualTo(TicketStatus.CLOSED);
	}

	@Test
	void aMoveFromAStatusTheTicketNoLongerHasFailsLoudlyAndChangesNothing() {
		TicketId id = submitted();
		dispatcher.dispatch(id, "话务员", "XH-JY", List.of());
		// a second dispatcher who still sees the ticket as new
		assertThatThrownBy(() -> tickets.move(id, TicketStatus.NEW, TicketStatus.DISPATCHED, new TicketDispatched(id), "hotline-not-dispatchable",
				"lead_department = ?", "XH-ZJ"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
				assertThat(e.code()).isEqualTo("hotline-not-dispatchable");
			});
		assertThat(tickets.require(id).leadDepartment()).isEqualTo("XH-JY");
		// a move the graph does not hold is refused before any update
		assertThatThrownBy(() -> tickets.move(id, TicketStatus.DISPATCHED, TicketStatus.CLOSED, new TicketClosed(id), "hotline-not-closable",
				"closed_at = now()"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hotline-not-closable"));
		assertThat(tickets.require(id).status()).isEqualTo(TicketStatus.DISPATCHED);
		// the step's own check gives the code users saw before
		assertThatThrownBy(() -> closing.close(id, "话务员", ""))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hotline-not-closable"));
	}

	@Test
	void aMoveMustPublishTheEventItsEdgeNames() {
		TicketId id = submitted();
		assertThatThrownBy(() -> tickets.move(id, TicketStatus.NEW, TicketStatus.DISPATCHED, new TicketClosed(id), "hotline-not-dispatchable",
				"lead_department = ?", "XH-JY"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(tickets.require(id).status()).isEqualTo(TicketStatus.NEW);
	}
}
