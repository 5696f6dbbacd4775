package tongban.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the admin's search takes: a mobile number as people type one, or an e-mail address; nothing else. */
class DeliveryConsoleControllerTest {

	@Test
	void aMobileMayBeTypedWithSpacesOrHyphensAndAnEmailInAnyCase() {
		assertThat(DeliveryConsoleController.address(" 138 0013-8000 ")).hasValue("13800138000");
		assertThat(DeliveryConsoleController.address("Zhang.San@Example.org")).hasValue("zhang.san@example.org");
	}

	@Test
	void anythingElseIsRefused() {
		assertThat(DeliveryConsoleController.address(null)).isEmpty();
		assertThat(DeliveryConsoleController.address("")).isEmpty();
		assertThat(DeliveryConsoleController.address("12345678901")).as("no mobile starts 12").isEmpty();
		assertThat(DeliveryConsoleController.address("0571-87001234")).as("a landline gets no texts").isEmpty();
		assertThat(DeliveryConsoleController.address("name@localhost")).isEmpty();
		assertThat(DeliveryConsoleController.address("a@b.cn; drop table")).isEmpty();
		assertThat(DeliveryConsoleController.address("x".repeat(250) + "@example.org")).isEmpty();
	}

	@Test
	void theSearchedAddressIsShownMasked() {
		assertThat(DeliveryConsoleController.masked("13800138000")).isEqualTo("138****8000");
		assertThat(DeliveryConsoleController.masked("zhang.san@example.org")).isEqualTo("z***@example.org");
	}
}
