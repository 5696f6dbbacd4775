package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.identity.Actor;
import tongban.identity.Party;

/** A promise counts as signed only ticked, with the name it had to match, at a recorded time; who that name is. */
class CasePromiseTest {

	private static CasePromise promise(boolean agreed, String typed) {
		return new CasePromise(CaseId.of(UUID.randomUUID()), "330106-XK-0001-01", 1, "承诺书", List.of("布局文件"), agreed, typed, "王小明",
				typed == null ? null : OffsetDateTime.now());
	}

	@Test
	void signedOnlyTickedAndInTheExpectedName() {
		assertThat(promise(true, "王小明").signed()).isTrue();
		assertThat(promise(false, "王小明").signed()).as("not ticked").isFalse();
		assertThat(promise(true, "王小").signed()).as("another name").isFalse();
		assertThat(promise(true, null).signed()).as("not signed").isFalse();
	}

	@Test
	void aCitizenSignsInTheirOwnNameACompanyInItsSignatorys() {
		UUID me = UUID.randomUUID();
		assertThat(CasePromises.expectedName(new Actor(me, "王小明", new Party(Party.Kind.CITIZEN, me, "王小明")))).isEqualTo("王小明");
		assertThat(CasePromises.expectedName(new Actor(me, "李娜", new Party(Party.Kind.LEGAL_PERSON, UUID.randomUUID(), "杭州西湖示范餐饮有限公司"))))
			.as("the agent acting for the company signs").isEqualTo("李娜");
	}
}
