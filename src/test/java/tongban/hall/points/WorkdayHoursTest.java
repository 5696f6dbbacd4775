package tongban.hall.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tongban.directory.ServicePoints;

/** Working-day hours as admins type them: each accepted text is one the directory can read back. */
class WorkdayHoursTest {

	@Test
	void goodHoursAreNormalisedAndReadBack() {
		String typed = WorkdayHours.normalise(" 09:00-12:00， 13:30－17:00 ");
		assertThat(typed).isEqualTo("09:00-12:00,13:30-17:00");
		assertThat(WorkdayHours.problem(typed)).isEmpty();
		assertThat(ServicePoints.Session.parse(typed)).hasSize(2);
		assertThat(WorkdayHours.problem("08:30-17:30")).isEmpty();
		assertThat(WorkdayHours.problem("09:00-12:00,12:00-13:00")).as("one session may start when the one before ends").isEmpty();
	}

	@Test
	void badHoursSayWhatIsWrong() {
		assertThat(WorkdayHours.problem("")).contains("hall.points.error.hours.missing");
		assertThat(WorkdayHours.problem("9:00-12:00")).contains("hall.points.error.hours.format");
		assertThat(WorkdayHours.problem("09:00-24:00")).contains("hall.points.error.hours.format");
		assertThat(WorkdayHours.problem("09:60-12:00")).contains("hall.points.error.hours.format");
		assertThat(WorkdayHours.problem("09:00-12:00,")).contains("hall.points.error.hours.format");
		assertThat(WorkdayHours.problem("12:00-09:00")).contains("hall.points.error.hours.order");
		assertThat(WorkdayHours.problem("09:00-09:00")).contains("hall.points.error.hours.order");
		assertThat(WorkdayHours.problem("13:30-17:00,09:00-12:00")).contains("hall.points.error.hours.order");
		assertThat(WorkdayHours.problem("09:00-12:00,11:00-13:00")).contains("hall.points.error.hours.order");
		assertThat(WorkdayHours.problem("08:00-09:00,09:00-10:00,10:00-11:00,11:00-12:00,12:00-13:00")).contains("hall.points.error.hours.many");
	}
}
