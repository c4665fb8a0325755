package com.firmos.rest.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.firmos.rest.security.SecurityConfiguration;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

    private final IdempotencyInterceptor interceptor;

    IdempotencyConfiguration(IdempotencyInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // A public write's answer is a secret of the one who sent it (a portal session): never kept to replay.
        registry.addInterceptor(interceptor).addPathPatterns("/api/**")
                .excludePathPatterns(SecurityConfiguration.PUBLIC_WRITES.toArray(String[]::new));
    }

    @Autowired
    void registerStepRecorder(CommandBus commandBus, RequestSteps steps) {
        commandBus.registerHandlerInterceptor(new StepRecorder(steps));
    }
}
