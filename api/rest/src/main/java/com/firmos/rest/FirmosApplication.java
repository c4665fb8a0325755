package com.firmos.rest;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.firmos.command.CommandSideConfiguration;
import com.firmos.migrations.upcasting.UpcasterConfiguration;
import com.firmos.query.QuerySideConfiguration;
import com.firmos.rest.cli.ProjectionsCommand;
import com.firmos.rest.cli.TokenCommand;

/**
 * The assembled backend: both sides, the HTTP API and the database. The first argument may name an operator
 * sub-command ({@code token}, {@code projections}) that runs instead of the server.
 */
@SpringBootApplication
@EnableScheduling
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class, UpcasterConfiguration.class})
public class FirmosApplication {

    /** Axon's update checker calls a public host at start; a production backend opts in, not out. */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && ProjectionsCommand.NAME.equals(args[0])) {
            System.exit(ProjectionsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(FirmosApplication.class, args);
    }
}
