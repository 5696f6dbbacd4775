package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tongban.shared.GuardedMoves.HistoryLine;

/** The names a history line puts into SQL are checked, since they are written into the statement, not bound. */
class HistoryLineTest {

	@Test
	void takesNullValuesAndKeepsItsOwnCopy() {
		List<Object> values = new ArrayList<>(Arrays.asList("CLOSED", "话务员", null, "已办结", true));
		HistoryLine line = new HistoryLine("hotline_ticket_event", "ticket_id", List.of("action", "actor", "department", "note", "visible"), values);
		values.set(0, "REOPENED");
		assertThat(line.values()).containsExactly("CLOSED", "话务员", null, "已办结", true);
		assertThatThrownBy(() -> line.values().add("more")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void refusesNamesThatAreNotPlainIdentifiers() {
		List<Object> one = Arrays.asList("x");
		assertThatThrownBy(() -> new HistoryLine("events; drop table x", "ticket_id", List.of("action"), one))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new HistoryLine("events", "id)", List.of("action"), one)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new HistoryLine("events", "ticket_id", List.of("action, secret"), one)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesValuesThatDoNotMatchTheColumns() {
		assertThatThrownBy(() -> new HistoryLine("events", "ticket_id", List.of("action", "note"), Arrays.asList("x")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("2 columns, 1 values");
	}
}
