package tongban.shared.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.DataKeys;
import tongban.shared.TongbanProperties;

@Configuration(proxyBeanMethods = false)
class DataKeysConfiguration {

	@Bean
	DataKeys dataKeys(TongbanProperties properties, @Value("${tongban.data-keys:}") String configured) {
		return DataKeys.load(configured, properties.dataDir());
	}
}
