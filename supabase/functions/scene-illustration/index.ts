// The `scene-illustration` edge function: see handler.ts for what it does, _shared/runtime.ts for the envelope.
import { deploy } from "../_shared/serve.ts";
import { sceneIllustration } from "./handler.ts";

deploy("scene-illustration", sceneIllustration);
