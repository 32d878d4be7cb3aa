// The `story-generation` edge function: see handler.ts for what it does, _shared/runtime.ts for the envelope.
import { deploy } from "../_shared/serve.ts";
import { storyGeneration } from "./handler.ts";

deploy("story-generation", storyGeneration);
