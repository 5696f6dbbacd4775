package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.shared.DomainException;
import tongban.shared.Uscc;
import tongban.support.JourneyTest;
import tongban.support.TestCases;

/**
 * Items for 法人 only (食品经营许可) are applied for by a company's representative or agent acting for the company: the guide
 * says so and how to act for one; a private person is told on the start page and cannot start it, and the server refuses
 * a crafted request too.
 */
class LegalPersonItemsJourneyIT extends JourneyTest {

	static final String FOOD = TestCases.FOOD_LICENCE;

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	Representation companies;

	@Test
	void aPrivatePersonCannotStartAnItemForBusinesses() {
		page.navigate(base() + "/items/" + FOOD);
		assertThat(page.getByTestId("legal-persons-only").innerText()).contains("企业和其他组织办理").contains("切换为企业身份");
		page.navigate(base() + "/bundles/XH-YJS-RESTAURANT");
		assertThat(page.getByTestId("legal-persons-only").innerText()).as("the 开办餐饮店 bundle too").contains("企业和其他组织办理");

		Citizen me = newCitizen("个人申请", 2);
		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/apply/" + FOOD);
		assertThat(page.getByTestId("not-served").innerText()).contains("不能为个人“" + me.name() + "”申请");
		assertThat(page.getByTestId("start-application").count()).isZero();
		accessible();
		String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");
		var crafted = context.request().post(base() + "/apply/" + FOOD,
				RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
		assertThat(crafted.status()).isEqualTo(404);
		assertThat(catchThrowableOfType(DomainException.class, () -> applying.startDraft(TestCases.actor(me), FOOD)).code())
			.isEqualTo("served-party");
		assertThat(cases.mine(TestCases.actor(me))).isEmpty();

		// acting for their company, the same person applies
		String first17 = "91330106MA" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000));
		UUID company = companies.registerLegalPerson(me.id(), first17 + Uscc.checkCharacter(first17), "个人申请餐饮店");
		Actor forCompany = new Actor(me.id(), me.name(), new Party(Party.Kind.LEGAL_PERSON, company, "个人申请餐饮店"));
		assertThat(cases.find(forCompany, applying.startDraft(forCompany, FOOD))).isPresent();
	}
}
