package tongban.hall.points.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Positions sent by browsers or typed by people: two numbers within range, anything else none. */
class PositionTest {

	@Test
	void readsLatitudeAndLongitude() {
		assertThat(Position.parse("30.2703,120.1401")).hasValueSatisfying(p -> assertThat(p).containsExactly(30.2703, 120.1401));
		assertThat(Position.parse(" -33.8 , 151.2 ")).hasValueSatisfying(p -> assertThat(p).containsExactly(-33.8, 151.2));
	}

	@Test
	void refusesWhatIsNotAPosition() {
		assertThat(Position.parse(null)).isEmpty();
		assertThat(Position.parse("30.27")).isEmpty();
		assertThat(Position.parse("north,east")).isEmpty();
		assertThat(Position.parse("91,120")).isEmpty();
		assertThat(Position.parse("30,181")).isEmpty();
		assertThat(Position.parse("1e3,2")).isEmpty();
		assertThat(Position.parse("NaN,1")).isEmpty();
		assertThat(Position.parse("1".repeat(41))).isEmpty();
		assertThat(Position.parse("30,120,5")).isEmpty();
	}
}
