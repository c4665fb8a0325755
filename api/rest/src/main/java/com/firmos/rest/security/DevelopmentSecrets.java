package com.firmos.rest.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.firmos.rest.portal.PortalProperties;
import com.firmos.rest.privacy.PersonalData;

/**
 * The secrets shipped in application.yml are public, so they sign and seal only in development mode
 * ({@code firmos.dev-mode=true}). Without it the server refuses to start, naming every secret still missing, before
 * any bean is made: no database is started and no request is served on a key anyone can read.
 */
@Component
public final class DevelopmentSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String DEV_MODE = "firmos.dev-mode";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside development mode on the shipped development"
                    + " secrets; set " + String.join(", ", missing) + " (or start with " + DEV_MODE
                    + "=true, FIRMOS_DEV_MODE=true, on a machine of your own)");
        }
    }

    public static boolean devMode(Environment environment) {
        return environment.getProperty(DEV_MODE, Boolean.class, false);
    }

    /** The environment variables still to set; none in development mode. */
    static List<String> missing(Environment environment) {
        List<String> missing = new ArrayList<>();
        if (devMode(environment)) {
            return missing;
        }
        boolean provider = hasText(environment.getProperty("firmos.security.jwt.issuer-uri"))
                || hasText(environment.getProperty("firmos.security.jwt.jwk-set-uri"));
        if (!provider && !real(environment.getProperty("firmos.security.jwt.secret"),
                JwtProperties.DEVELOPMENT_SECRET)) {
            missing.add("FIRMOS_SECURITY_JWT_SECRET (or an identity provider: FIRMOS_SECURITY_JWT_ISSUER_URI)");
        }
        if (!real(environment.getProperty("firmos.portal.session-secret"), PortalProperties.DEVELOPMENT_SECRET)) {
            missing.add("FIRMOS_PORTAL_SESSION_SECRET");
        }
        if (!real(environment.getProperty("firmos.personal-data.master-key"), PersonalData.DEVELOPMENT_KEY)) {
            missing.add("FIRMOS_PERSONAL_DATA_MASTER_KEY");
        }
        return missing;
    }

    private static boolean real(String value, String development) {
        return hasText(value) && !development.equals(value.strip());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
