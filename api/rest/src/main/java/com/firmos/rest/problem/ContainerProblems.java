package com.firmos.rest.problem;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/** Puts {@link ContainerProblemValve} in the place of the host's HTML error report. */
@Component
class ContainerProblems implements TomcatContextCustomizer {

    @Override
    public void customize(org.apache.catalina.Context context) {
        if (!(context.getParent() instanceof StandardHost host)) {
            return;
        }
        host.setErrorReportValveClass(ContainerProblemValve.class.getName());
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ContainerProblemValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
    }
}
