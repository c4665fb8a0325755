package com.firmos.rest.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.core.env.Environment;

/** The demo tenant, and whether a start asked for it: what the demo data and the start's last line both go by. */
public final class Demo {

    public static final String ORGANIZATION = "org_demo";

    private Demo() {
    }

    /** {@code --demo} on the command line, or {@code firmos.demo=true}. */
    public static boolean requested(ApplicationArguments arguments, Environment environment) {
        return arguments.containsOption("demo") || environment.getProperty("firmos.demo", Boolean.class, false);
    }
}
