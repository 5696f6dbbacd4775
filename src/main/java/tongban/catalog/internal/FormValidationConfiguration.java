package tongban.catalog.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.catalog.FormValidation;
import tongban.directory.DirectoryManagement;

/** The form validator checks region fields against the directory's regions. */
@Configuration(proxyBeanMethods = false)
class FormValidationConfiguration {

	@Bean
	FormValidation formValidation(DirectoryManagement directory) {
		return new FormValidation(code -> directory.region(code).isPresent());
	}
}
