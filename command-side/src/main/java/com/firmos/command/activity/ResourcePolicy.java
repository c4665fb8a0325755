package com.firmos.command.activity;

import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.command.FieldRules;

/**
 * Each resource type needs its own reference and no other: {@code url} a web URL, {@code file} a name and a
 * web URL, {@code notion} a page id, {@code tenant_page} and {@code tenant_file} an id.
 */
final class ResourcePolicy {

    static final int RESOURCES_MAX = 100;

    private ResourcePolicy() {
    }

    static void check(ActivityResource resource) {
        FieldRules.required("resource", resource);
        FieldRules.required("resourceId", resource.resourceId());
        FieldRules.required("type", resource.type());
        FieldRules.requiredText("title", resource.title(), 200);
        FieldRules.maxLength("icon", resource.icon(), 50);
        String why = "for a " + resource.type().name().toLowerCase(java.util.Locale.ROOT) + " resource";
        switch (resource.type()) {
            case URL, FILE -> {
                FieldRules.httpUrl("url", resource.url());
                onlyReference(resource, "url", why);
            }
            case NOTION -> {
                FieldRules.requiredText("notionPageId", resource.notionPageId(), 100);
                onlyReference(resource, "notionPageId", why);
            }
            case TENANT_PAGE -> {
                FieldRules.required("tenantPageId", resource.tenantPageId());
                onlyReference(resource, "tenantPageId", why);
            }
            case TENANT_FILE -> {
                FieldRules.required("tenantFileId", resource.tenantFileId());
                onlyReference(resource, "tenantFileId", why);
            }
        }
    }

    private static void onlyReference(ActivityResource resource, String kept, String why) {
        if (!kept.equals("url")) {
            FieldRules.absent("url", resource.url(), why);
        }
        if (!kept.equals("notionPageId")) {
            FieldRules.absent("notionPageId", resource.notionPageId(), why);
        }
        if (!kept.equals("tenantPageId")) {
            FieldRules.absent("tenantPageId", resource.tenantPageId(), why);
        }
        if (!kept.equals("tenantFileId")) {
            FieldRules.absent("tenantFileId", resource.tenantFileId(), why);
        }
    }
}
