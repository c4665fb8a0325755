package com.firmos.command;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Gives every aggregate that names a cache in {@code @Aggregate(cache = ...)} a {@link FreshAggregateCache} of its
 * own under that name: one per type, because the caching repository keys its entries by identifier alone. Aggregates
 * are components, so their definitions are already registered when this runs.
 */
final class AggregateCaches implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Map<String, String> owners = new HashMap<>();
        for (String bean : registry.getBeanDefinitionNames()) {
            if (!(registry.getBeanDefinition(bean) instanceof AnnotatedBeanDefinition annotated)) {
                continue;
            }
            Map<String, Object> aggregate = annotated.getMetadata().getAnnotationAttributes(Aggregate.class.getName());
            if (aggregate == null || !(aggregate.get("cache") instanceof String cache) || cache.isEmpty()) {
                continue;
            }
            String type = annotated.getMetadata().getClassName();
            if (owners.putIfAbsent(cache, type) != null || registry.containsBeanDefinition(cache)) {
                throw new IllegalStateException("the aggregate cache " + cache + " of " + type
                        + " is taken: every aggregate type needs a cache of its own");
            }
            registry.registerBeanDefinition(cache, BeanDefinitionBuilder
                    .genericBeanDefinition(FreshAggregateCache.class)
                    .setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR).getBeanDefinition());
        }
    }
}
