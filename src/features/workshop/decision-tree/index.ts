export { DecisionTree, type DecisionTreeProps } from './decision-tree';
