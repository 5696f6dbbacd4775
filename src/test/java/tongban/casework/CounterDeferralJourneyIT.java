package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.domain.Account;
import tongban.identity.internal.Totp;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;

/**
 * 容缺后补 at the counter: 结婚登记 is accepted without the couple's photo (a deferrable material) on their promise to
 * bring it by a date; a date too far away is refused at the field; the promise shows on the case.
 */
class CounterDeferralJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Test
	void aDeferrableMaterialIsPromisedForLater() {
		Citizen bride = newCitizen("周新娘", 2);
		Citizen groom = newCitizen("吴新郎", 2);
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Account clerk = accounts.save(Account.staff("defer" + System.nanoTime(), "婚登窗口", passwordEncoder.encode(PASSWORD),
				Totp.newSecret(), dep.id(), dep.regionCode(), EnumSet.of(Role.COUNTER_CLERK)));
		login().open().signIn(clerk.username(), PASSWORD).totp(Totp.code(clerk.totpSecret(), Instant.now()));
		page.navigate(base() + "/workbench/counter/intake");
		page.locator("#idNumber").fill(bride.idNumber());
		page.locator("#name").fill(bride.name());
		page.getByTestId("identify").click();
		page.locator("#code").selectOption("330106-QR-0006-01");
		page.getByTestId("counter-apply").click();

		LocalDate today = LocalDate.now(Clocks.ZONE);
		page.locator("#v-date").fill(today.plusDays(3).toString());
		page.locator("#v-maleName").fill(groom.name());
		page.locator("#v-maleId").fill(groom.idNumber());
		page.locator("#v-malePhone").fill("13900000001");
		page.locator("#v-femaleName").fill(bride.name());
		page.locator("#v-femaleId").fill(bride.idNumber());
		page.locator("#v-femalePhone").fill("13900000002");
		page.locator("#m-1").setInputFiles(new FilePayload("声明.pdf", "application/pdf", "%PDF-1.4\n%declaration\n".getBytes()));
		page.locator("#defer-2").check();
		page.locator("#deferUntil-2").fill(today.plusDays(90).toString());
		page.getByTestId("continue").click();
		assertThat(page.locator("#m-2-error").innerText()).contains("承诺补交日期须在今天之后 60 天以内");
		accessible();

		page.locator("#defer-2").check();
		page.locator("#deferUntil-2").fill(today.plusDays(7).toString());
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();
		assertThat(page.getByTestId("deferred").innerText()).contains("双方近期半身免冠合影照片").contains(today.plusDays(7).toString());
		assertThat(page.getByTestId("timeline").innerText()).contains("容缺受理，承诺后补");
		assertThat(jdbc.sql("select count(*) from casework_deferred d join casework_case c on c.id = d.case_id where c.party_id = ?")
			.param(bride.id()).query(Long.class).single()).isEqualTo(1);
	}
}
