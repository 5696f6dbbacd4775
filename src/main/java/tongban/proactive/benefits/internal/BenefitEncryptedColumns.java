package tongban.proactive.benefits.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** 免申即享's encrypted columns, for key rotation: payee names and values used, bank accounts. */
@Configuration(proxyBeanMethods = false)
class BenefitEncryptedColumns {

	@Bean
	EncryptedColumns benefitDecisionColumns() {
		return EncryptedColumns.of("proactive_benefit_decision", "id", "payee_name", "values_used");
	}

	@Bean
	EncryptedColumns benefitPaymentColumns() {
		return EncryptedColumns.of("proactive_payment_order", "id", "payee_name", "bank_account");
	}

	@Bean
	EncryptedColumns benefitAccountColumns() {
		return EncryptedColumns.of("proactive_payment_account", "payee_index", "bank_account");
	}
}
