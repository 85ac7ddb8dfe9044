import { Checker, resourceLabel } from "../core/errors";
import { shapedArgs } from "../core/shape";
import { checkPlatform } from "./knativeEciPlatform";
import { KNATIVE_ECI_PLATFORM_ARGS, type KnativeEciPlatformArgs } from "./knativeEciPlatformArgs";
import { platformFacts } from "./platformFacts";
import { validateParts } from "./platformParts";

/**
 * Every check of a KnativeEciPlatform's arguments, before anything is registered, every problem thrown together: the
 * shape of every part's arguments; once those are right, the facts the platform decides from them and each part's own
 * checks (under the platform's field names); once the parts are right, how they fit together.
 */
export function checkKnativeEciPlatformArgs(platformName: string, args: KnativeEciPlatformArgs): void {
    const c = new Checker(resourceLabel("KnativeEciPlatform", platformName));
    c.collect(() => {
        shapedArgs(c, KNATIVE_ECI_PLATFORM_ARGS, args ?? {}, "args");
        // The facts and the parts' checks read nearly every argument: a wrong shape would only make them repeat it.
        if (c.problemCount > 0) return;
        const facts = platformFacts(platformName, args);
        c.part(() => validateParts(platformName, args, facts));
        // How the parts fit builds on each part being right: a wrong part would make its cross-checks repeat it.
        if (c.problemCount === 0) checkPlatform(platformName, facts);
    });
}
