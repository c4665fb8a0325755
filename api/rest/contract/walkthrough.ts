// The README's walkthrough written with the TypeScript client that OpenAPI Generator (typescript-fetch) makes from
// the server's document; the build generates the client into ../target/ts-client and compiles this file with it.
// Against a server started with --demo, from the repository root:
// FIRMOS_TOKEN=$(cat data/demo-admin.token) npx tsx api/rest/contract/walkthrough.ts (tsx is not a dependency here).
import {
    ChangeStatusRequestStatusEnum,
    Configuration,
    CreateActivityRequestPhaseEnum,
    CreateActivityRequestTimeBucketEnum,
    LivingPlaybookApi,
    ResponseError,
} from "../target/ts-client";

declare const process: { env: Record<string, string | undefined> };

const DEMO_ENGAGEMENT = "0f95c0eb-f6dc-356a-96af-d654ce55e04e";

async function walkthrough(): Promise<void> {
    const playbook = new LivingPlaybookApi(new Configuration({
        basePath: process.env.FIRMOS_URL ?? "http://localhost:8080",
        accessToken: process.env.FIRMOS_TOKEN,
    }));

    // A create that names its own id is safe to retry: a second run gets the first answer back.
    const created = await playbook.createActivity({
        createActivityRequest: {
            id: crypto.randomUUID(),
            engagementId: DEMO_ENGAGEMENT,
            title: "Value stream mapping",
            phase: CreateActivityRequestPhaseEnum.Activate,
            timeBucket: CreateActivityRequestTimeBucketEnum.NextQuarter,
        },
    });
    console.log(`created ${created.id}, version ${created.version}`);

    // If-Match names the version the change was made from: a stale one is refused with 409 stale-version.
    const started = await playbook.changeActivityStatus({
        id: created.id!,
        ifMatch: `"${created.version}"`,
        changeStatusRequest: { status: ChangeStatusRequestStatusEnum.InProgress },
    });
    console.log(`${started.title} is ${started.status}`);

    const board = await playbook.getPlanningView({ engagementId: DEMO_ENGAGEMENT });
    for (const bucket of board.buckets ?? []) {
        console.log(`${bucket.timeBucket}: ${(bucket.activities ?? []).map((card) => card.title).join(", ")}`);
    }
}

walkthrough().catch(async (failure: unknown) => {
    // Problems are application/problem+json with a stable code, and the field and rule of a refused value.
    const problem = failure instanceof ResponseError ? await failure.response.json() : failure;
    console.error(problem);
});
