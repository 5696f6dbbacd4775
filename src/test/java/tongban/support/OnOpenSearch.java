package tongban.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs an {@link IntegrationTest} against search on a real OpenSearch node ({@link OpenSearchNode}) instead of the
 * embedded Lucene index, configured as production would be ({@code TONGBAN_SEARCH_BACKEND=elasticsearch},
 * {@code TONGBAN_SEARCH_URIS}). Every class so annotated shares one second application context, with a data folder
 * (and so an embedded PostgreSQL) of its own; its catalogue reaches the node through the start-up rebuild.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextCustomizerFactories(OnOpenSearch.Factory.class)
public @interface OnOpenSearch {

	/** The data folder of the OpenSearch context, beside the shared context's. */
	Path DATA_DIR = Path.of(IntegrationTest.DATA_DIR + "-opensearch");

	/** Adds the customizer to the classes annotated with {@link OnOpenSearch}. */
	class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
			return testClass.isAnnotationPresent(OnOpenSearch.class) ? new Backend() : null;
		}
	}

	/**
	 * Puts the cluster settings first, ahead of the shared tests' dynamic properties (the data folder must differ).
	 * Equal to every other instance, so the annotated classes share one cached context.
	 */
	record Backend() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opensearch", Map.of(
					"TONGBAN_SEARCH_BACKEND", "elasticsearch",
					"TONGBAN_SEARCH_URIS", OpenSearchNode.uri(),
					"tongban.data-dir", DATA_DIR.toString())));
		}
	}
}
