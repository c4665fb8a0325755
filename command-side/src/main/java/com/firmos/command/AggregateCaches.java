package com.firmos.command;

import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Gives every aggregate that names a cache in {@code @Aggregate(cache = ...)} a {@link FreshAggregateCache} of its
 * own under that name: one per type, because the caching repository keys its entries by identifier alone.
 */
final class AggregateCaches implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        for (BeanDefinition aggregate : scanner.findCandidateComponents(AggregateCaches.class.getPackageName())) {
            Object name = ((AnnotatedBeanDefinition) aggregate).getMetadata()
                    .getAnnotationAttributes(Aggregate.class.getName()).get("cache");
            if (name instanceof String cache && !cache.isEmpty() && !registry.containsBeanDefinition(cache)) {
                registry.registerBeanDefinition(cache, BeanDefinitionBuilder
                        .genericBeanDefinition(FreshAggregateCache.class)
                        .setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR).getBeanDefinition());
            }
        }
    }
}
