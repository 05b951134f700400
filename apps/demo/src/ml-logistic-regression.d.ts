/**
 * Types of `ml-logistic-regression` 2.x (mljs), which ships none: the parts the demo uses.
 * Multiclass one-vs-rest logistic regression trained by batch gradient descent.
 */
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";

  /** What `toJSON` returns and `load` takes (weights as one row per one-vs-rest classifier). */
  export interface LogisticRegressionModel {
    name: "LogisticRegression";
    numSteps: number;
    learningRate: number;
    numberClasses: number;
    classifiers: { numSteps: number; learningRate: number; weights: number[][] | Matrix }[];
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    numberClasses: number;
    /** `X`: one row per sample; `Y`: a column of class indices 0..k-1 */
    train(X: Matrix, Y: Matrix): void;
    /** The class index of each row of `X`. */
    predict(X: Matrix): number[];
    toJSON(): LogisticRegressionModel;
    /** @throws Error when `model.name` is not `LogisticRegression` */
    static load(model: LogisticRegressionModel): LogisticRegression;
  }
}
